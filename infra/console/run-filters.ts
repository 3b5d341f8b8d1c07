import { DateTime } from 'luxon';
import type { Config } from '../../shared/config/config-schema';
import type { RunStatus } from '../../shared/runs/run';
import type { RunQuery } from '../../shared/runs/run-store';

export const RUN_STATUS_NAMES: readonly RunStatus[] = ['succeeded', 'filtered', 'failed', 'waiting'];

/** The time ranges the runs page offers, as hours back from now. */
export const RUN_RANGES = [
  { value: '', label: 'Any time', hours: undefined },
  { value: '1h', label: 'Last hour', hours: 1 },
  { value: '24h', label: 'Last 24 hours', hours: 24 },
  { value: '7d', label: 'Last 7 days', hours: 168 },
  { value: '30d', label: 'Last 30 days', hours: 720 },
] as const;

/** The runs page's filters as the form holds them (the query string). */
export interface RunFilterForm {
  automation: string;
  status: string;
  range: string;
  /** A `datetime-local` value, in the business time zone. */
  from: string;
  to: string;
  customer: string;
  channel: string;
  /** An event id (or a run id) to look for. */
  event: string;
  cursor: string;
}

/** What the filters ask of the run store, or why they cannot be used. */
export interface RunFilters {
  form: RunFilterForm;
  query: RunQuery;
  /** Looking for the runs of one event instead of listing. */
  eventId: string | undefined;
  /** Whether new runs may still match: not for a range that ended, nor an older page, nor a search. */
  live: boolean;
  problems: string[];
}

/**
 * Reads the runs page's query string into a run-store query: automation and status checked against the
 * known names, a customer turned into their designated channels, a time range (`range`, or `from`/`to` read
 * in the business time zone) into `since` and an upper bound.
 */
export function readRunFilters(params: URLSearchParams, input: { automations: readonly string[]; config: Config | undefined; now: Date; timeZone: string }): RunFilters {
  const get = (name: keyof RunFilterForm) => (params.get(name) ?? '').trim();
  const form: RunFilterForm = {
    automation: get('automation'),
    status: get('status'),
    range: get('range'),
    from: get('from'),
    to: get('to'),
    customer: get('customer'),
    channel: get('channel'),
    event: get('event'),
    cursor: get('cursor'),
  };
  const problems: string[] = [];
  const query: RunQuery = {};
  if (form.automation !== '') {
    if (input.automations.includes(form.automation)) query.automation = form.automation;
    else problems.push(`There is no automation "${form.automation}"; the automations are ${input.automations.join(', ')}.`);
  }
  if (form.status !== '') {
    if ((RUN_STATUS_NAMES as readonly string[]).includes(form.status)) query.status = form.status as RunStatus;
    else problems.push(`"${form.status}" is not a run status; the statuses are ${RUN_STATUS_NAMES.join(', ')}.`);
  }
  const channels: string[] = [];
  if (form.customer !== '') {
    const known = input.config?.afterHours.customerChannels ?? [];
    const matching = known.filter((channel) => channel.customer.toLowerCase() === form.customer.toLowerCase());
    if (matching.length === 0) problems.push(`No designated channel is for a customer named "${form.customer}".`);
    channels.push(...matching.map((channel) => channel.id));
  }
  if (form.channel !== '') channels.push(form.channel);
  if (channels.length > 0) query.channels = channels;

  const range = RUN_RANGES.find((candidate) => candidate.value === form.range);
  if (range === undefined) problems.push(`"${form.range}" is not a time range.`);
  else if (range.hours !== undefined) query.since = new Date(input.now.getTime() - range.hours * 3_600_000);
  const from = localInstant(form.from, input.timeZone, 'from', problems);
  const to = localInstant(form.to, input.timeZone, 'to', problems);
  if (from !== undefined) query.since = from;
  // Sort keys are `{startedAt}#{runId}`: every run started before `to` sorts below `{to}`.
  if (form.cursor !== '') query.cursor = form.cursor;
  else if (to !== undefined) query.cursor = to.toISOString();

  return {
    form,
    query,
    eventId: form.event === '' ? undefined : form.event,
    live: form.cursor === '' && to === undefined && form.event === '',
    problems,
  };
}

/** A `datetime-local` value (`2026-11-23T06:00`) read in the business time zone. */
function localInstant(value: string, timeZone: string, name: string, problems: string[]): Date | undefined {
  if (value === '') return undefined;
  const instant = DateTime.fromISO(value, { zone: timeZone });
  if (!instant.isValid) {
    problems.push(`"${value}" is not a date and time for "${name}"; write it like 2026-11-23T06:00.`);
    return undefined;
  }
  return instant.toJSDate();
}

/** The query string of the filters, without the empty ones (links keep the filters in force). */
export function filterQueryString(form: Partial<Record<string, string>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) if (value !== undefined && value !== '') params.set(name, value);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
