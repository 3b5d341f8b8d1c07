import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { filterQueryString, readRunFilters } from '../../../infra/console/run-filters';
import { parseConfig } from '../../../shared/config/parse-config';

const config = parseConfig(readFileSync('switchboard.config.example.yaml', 'utf8'), 'switchboard.config.example.yaml');
const NOW = new Date('2026-11-23T14:00:00.000Z');
const read = (query: string) => readRunFilters(new URLSearchParams(query), { automations: ['after-hours', 'paging'], config, now: NOW, timeZone: 'America/Los_Angeles' });

describe('the runs page filters', () => {
  it('read nothing as every run, live', () => {
    const filters = read('');

    expect(filters.query).toEqual({});
    expect(filters.live).toBe(true);
    expect(filters.problems).toEqual([]);
  });

  it('pass a known automation and status on to the run store', () => {
    expect(read('automation=paging&status=failed').query).toEqual({ automation: 'paging', status: 'failed' });
  });

  it('turn a customer into their designated channels, whatever the case, and add a channel', () => {
    expect(read('customer=acme%20corp&channel=C0OTHER').query.channels).toEqual(['C0ACMEPROD', 'C0OTHER']);
  });

  it('turn a range into the instant it starts at', () => {
    expect(read('range=24h').query.since).toEqual(new Date('2026-11-22T14:00:00.000Z'));
  });

  it('read from and to in the business time zone; a range with an end looks at the past only', () => {
    const filters = read('from=2026-11-22T18:00&to=2026-11-22T20:30');

    expect(filters.query.since).toEqual(new Date('2026-11-23T02:00:00.000Z'));
    expect(filters.query.cursor).toBe('2026-11-23T04:30:00.000Z');
    expect(filters.live).toBe(false);
  });

  it('take an older page’s cursor over the end of the range, and stop being live', () => {
    const filters = read('to=2026-11-22T20:30&cursor=2026-11-23T04%3A00%3A00.000Z%23after-hours%3AEv1');

    expect(filters.query.cursor).toBe('2026-11-23T04:00:00.000Z#after-hours:Ev1');
    expect(filters.live).toBe(false);
  });

  it('look for an event by its id, not live', () => {
    const filters = read('event=Ev08ABC');

    expect(filters.eventId).toBe('Ev08ABC');
    expect(filters.live).toBe(false);
  });

  it('name every value they cannot use, with what is known', () => {
    const filters = read('automation=zap&status=maybe&customer=Umbrella&range=1y&from=yesterday');

    expect(filters.problems).toEqual([
      'There is no automation "zap"; the automations are after-hours, paging.',
      '"maybe" is not a run status; the statuses are succeeded, filtered, failed, waiting.',
      'No designated channel is for a customer named "Umbrella".',
      '"1y" is not a time range.',
      '"yesterday" is not a date and time for "from"; write it like 2026-11-23T06:00.',
    ]);
  });

  it('keep the filters in force in links, without the empty ones', () => {
    expect(filterQueryString({ automation: 'paging', status: '', channel: 'C0 1' })).toBe('?automation=paging&channel=C0+1');
    expect(filterQueryString({ status: '' })).toBe('');
  });
});
