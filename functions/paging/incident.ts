import type { Severity } from '../../shared/events/slack-events';

/** Someone on the paging chain, as configured when the incident opened. */
export interface ChainMember {
  name: string;
  phone: string;
}

/**
 * `paging` until someone acknowledges; `unanswered` once every page went unacknowledged (a late ACK is
 * still welcome); `acknowledged` for good.
 */
export type IncidentStatus = 'paging' | 'acknowledged' | 'unanswered';

/** A P0/P1 emergency being paged (SPEC §3.B). */
export interface Incident {
  id: string;
  /** What the paged person replies with: "ACK K7QP". */
  code: string;
  status: IncidentStatus;
  severity: Severity;
  customer: string;
  excerpt: string;
  requestedBy: string;
  /** The customer's Slack thread, when the emergency came from one. */
  slack?: { channel: string; threadTs: string };
  /**
   * The customer thread's permalink, once Slack gave it (incidents opened before this was kept apart may
   * hold the channel's link here instead).
   */
  link?: string;
  /**
   * The page at which Slack last failed to give the permalink, while it has not given it: the pages link
   * the channel meanwhile. A failure that may pass (Slack down, a rate limit) is asked again at the next page.
   */
  permalinkFailedAtStep?: number;
  permalinkFailureTransient?: boolean;
  /** The chain and its timings as they were when the incident opened. */
  chain: ChainMember[];
  repeats: number;
  ackTimeoutMs: number;
  internalChannel: string;
  fallbackChannel: string;
  /** Index of the latest page: 0 is the first person, chain.length the first person again, and so on. */
  step: number;
  acknowledgedBy?: string;
  acknowledgedAt?: string;
  openedAt: string;
  /** Bumped by every change; each transition is conditional on the state it starts from. */
  version: number;
  /**
   * The event whose transition the latest one replaced: its run was waiting on the page it sent, and is
   * closed by the run that moved the incident on.
   */
  supersededEventId?: string;
}

/** Open incidents are still waiting for someone. */
export function isOpen(incident: Pick<Incident, 'status'>): boolean {
  return incident.status !== 'acknowledged';
}
