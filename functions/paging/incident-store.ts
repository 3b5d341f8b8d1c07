import type { Clock } from '../../shared/clock/clock';
import { absent, all, any, below, equals, itemAbsent, itemExists, notEquals, type Condition } from '../../shared/store/condition';
import { ConditionFailedError } from '../../shared/store/store-errors';
import { expiresInDays, type Table } from '../../shared/store/table';
import type { Incident } from './incident';

/** A page sent for an incident, and what the provider said of its delivery. */
export interface PageRecord {
  step: number;
  to: string;
  sid: string;
  sentAt: string;
  deliveryStatus?: string;
}

type Stored<T> = T & { pk: string; sk: string; [key: string]: unknown };

const PARTITION = 'incidents';
const RETENTION_DAYS = 90;
const incidentKey = (id: string) => ({ pk: `incident#${id}`, sk: 'incident' });
const pageKey = (id: string, step: number) => ({ pk: `incident#${id}`, sk: `page#${String(step).padStart(4, '0')}` });
const messageKey = (sid: string) => ({ pk: `sms#${sid}`, sk: 'sms' });
const replyKey = (sid: string) => ({ pk: `sms#${sid}`, sk: 'reply' });

/**
 * Incidents in the table. Each transition is one conditional update on the state it starts from, and
 * records the event that made it (`lastEventId`), so that a retried run recognises its own transition.
 */
export class IncidentStore {
  constructor(
    private readonly table: Table,
    private readonly clock: Clock,
  ) {}

  /** Creates the incident unless it exists; returns the one that is stored. */
  async open(incident: Incident, eventId: string): Promise<{ incident: Incident; created: boolean }> {
    try {
      await this.table.put(
        {
          ...incidentKey(incident.id),
          gsi1pk: PARTITION,
          gsi1sk: `${incident.openedAt}#${incident.id}`,
          expiresAt: expiresInDays(this.clock.now(), RETENTION_DAYS),
          lastEventId: eventId,
          ...incident,
        },
        itemAbsent,
      );
      return { incident, created: true };
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
      return { incident: (await this.get(incident.id)) as Incident, created: false };
    }
  }

  async get(id: string): Promise<(Incident & { lastEventId?: string }) | undefined> {
    const item = await this.table.get<Stored<Incident>>(incidentKey(id), { consistent: true });
    return item === undefined ? undefined : toIncident(item);
  }

  /** An incident by its id (INC-…) or its ACK code, in any case; codes are looked up among recent incidents. */
  async find(reference: string): Promise<(Incident & { lastEventId?: string }) | undefined> {
    const wanted = reference.trim().toUpperCase();
    if (wanted.startsWith('INC-')) return this.get(wanted);
    return (await this.list({ limit: 100 })).find((incident) => incident.code === wanted);
  }

  /** Newest first; only the open ones, or only the acknowledged ones, when asked. */
  async list(options: { limit?: number; openOnly?: boolean; acknowledgedOnly?: boolean } = {}): Promise<Incident[]> {
    const items = await this.table.query<Stored<Incident>>({
      partition: PARTITION,
      byTime: true,
      descending: true,
      limit: options.limit ?? 50,
      ...(options.openOnly ? { filter: notEquals('status', 'acknowledged') } : options.acknowledgedOnly ? { filter: equals('status', 'acknowledged') } : {}),
    });
    return items.map(toIncident);
  }

  /**
   * Moves the page on from `fromStep` to `toStep`, if no one else moved it or acknowledged meanwhile.
   * `from` is the incident as read at `fromStep`: while it stays there, the event that paged it does too.
   */
  async advance(from: Incident & { lastEventId?: string }, toStep: number, eventId: string): Promise<Incident | undefined> {
    return this.transition(from.id, { step: toStep, ...moveFrom(from, eventId) }, all(equals('status', 'paging'), equals('step', from.step)));
  }

  /** Every page went unacknowledged. */
  async markUnanswered(from: Incident & { lastEventId?: string }, eventId: string): Promise<Incident | undefined> {
    return this.transition(from.id, { status: 'unanswered', ...moveFrom(from, eventId) }, all(equals('status', 'paging'), equals('step', from.step)));
  }

  /**
   * Someone is on it; a late ACK after every page went unanswered counts too. Undefined when it was
   * acknowledged already. Conditional on the version read, so that the event it supersedes is exact.
   */
  async acknowledge(id: string, by: string, eventId: string): Promise<Incident | undefined> {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const current = await this.get(id);
      if (current === undefined || current.status === 'acknowledged') return undefined;
      const acknowledged = await this.transition(
        id,
        { status: 'acknowledged', acknowledgedBy: by, acknowledgedAt: this.clock.now().toISOString(), ...moveFrom(current, eventId) },
        all(notEquals('status', 'acknowledged'), equals('version', current.version)),
      );
      if (acknowledged !== undefined) return acknowledged;
      // It moved on meanwhile (a page, a delivery report): read it again.
    }
    throw new ConditionFailedError(`incident ${id} kept changing while it was being acknowledged`);
  }

  /**
   * Keeps what Slack said of the thread's permalink when it was asked for page `step`: the link, or that
   * it failed. The first answer kept for a page stands, and is returned to an attempt whose answer came
   * second, so that every attempt of one page composes the same text (how a page is found after a crash).
   */
  async settlePermalink(id: string, step: number, answer: { link: string } | { transient: boolean }): Promise<Incident & { lastEventId?: string }> {
    const unsettled = all(itemExists, absent('link'), any(absent('permalinkFailedAtStep'), below('permalinkFailedAtStep', step)));
    const changes =
      'link' in answer
        ? { set: { link: answer.link }, remove: ['permalinkFailedAtStep', 'permalinkFailureTransient'] }
        : { set: { permalinkFailedAtStep: step, permalinkFailureTransient: answer.transient } };
    try {
      return toIncident(await this.table.update<Stored<Incident>>(incidentKey(id), changes, unsettled));
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
      const settled = await this.get(id);
      if (settled === undefined) throw error;
      return settled;
    }
  }

  /** Remembers a page and which incident its message belongs to (delivery callbacks name only the message). */
  async recordPage(incidentId: string, page: PageRecord): Promise<void> {
    const expiresAt = expiresInDays(this.clock.now(), RETENTION_DAYS);
    await this.table.put({ ...pageKey(incidentId, page.step), ...page, expiresAt });
    await this.table.put({ ...messageKey(page.sid), incidentId, step: page.step, expiresAt });
  }

  async pages(incidentId: string): Promise<PageRecord[]> {
    const items = await this.table.query<Stored<PageRecord>>({ partition: `incident#${incidentId}`, beginsWith: 'page#' });
    return items.map(({ step, to, sid, sentAt, deliveryStatus }) => ({ step, to, sid, sentAt, ...(deliveryStatus === undefined ? {} : { deliveryStatus }) }));
  }

  async pageOfMessage(sid: string): Promise<{ incidentId: string; step: number } | undefined> {
    const item = await this.table.get<Stored<{ incidentId: string; step: number }>>(messageKey(sid), { consistent: true });
    return item === undefined ? undefined : { incidentId: item.incidentId, step: item.step };
  }

  /** Remembers which inbound message an SMS reply (by its message SID) answered. */
  async recordReply(sid: string, inboundEventId: string): Promise<void> {
    await this.table.put({ ...replyKey(sid), inboundEventId, expiresAt: expiresInDays(this.clock.now(), RETENTION_DAYS) });
  }

  /** The inbound message an SMS of ours answered, if it was a reply. */
  async inboundAnsweredBy(sid: string): Promise<string | undefined> {
    const item = await this.table.get<Stored<{ inboundEventId: string }>>(replyKey(sid), { consistent: true });
    return item?.inboundEventId;
  }

  async recordDeliveryStatus(incidentId: string, step: number, status: string): Promise<void> {
    await this.table.update(pageKey(incidentId, step), { set: { deliveryStatus: status } }, itemExists);
  }

  private async transition(id: string, set: Record<string, unknown>, condition: Condition): Promise<Incident | undefined> {
    try {
      const item = await this.table.update<Stored<Incident>>(incidentKey(id), { set, add: { version: 1 } }, all(itemExists, condition));
      return toIncident(item);
    } catch (error) {
      if (error instanceof ConditionFailedError) return undefined;
      throw error;
    }
  }
}

/** What every transition records: the event that made it, and the one whose transition it replaces. */
function moveFrom(from: Incident & { lastEventId?: string }, eventId: string): Record<string, string> {
  return { lastEventId: eventId, ...(from.lastEventId === undefined || from.lastEventId === eventId ? {} : { supersededEventId: from.lastEventId }) };
}

function toIncident(item: Stored<Incident>): Incident & { lastEventId?: string } {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, expiresAt: _e, ...incident } = item;
  return incident as Incident & { lastEventId?: string };
}
