import type { Incident } from '../paging/incident';

/** Where an escalated message's page stands, for the digest. */
export type EscalationState =
  | { escalated: false }
  | { escalated: true; severity: string; incidentId: string; status: 'acknowledged'; acknowledgedBy: string }
  | { escalated: true; severity: string; incidentId: string; status: 'paging'; paging: string }
  | { escalated: true; severity: string; incidentId: string; status: 'unanswered' };

/**
 * Whether a customer's thread was escalated, and how its incident stands: acknowledged (by whom), still
 * paging (whom), or unanswered after every page. The newest incident of the thread counts.
 */
export function escalationStateOf(incidents: readonly Incident[], channel: string, threadTs: string): EscalationState {
  const incident = incidents
    .filter((candidate) => candidate.slack?.channel === channel && candidate.slack.threadTs === threadTs)
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt))[0];
  if (incident === undefined) return { escalated: false };
  const base = { escalated: true as const, severity: incident.severity, incidentId: incident.id };
  if (incident.status === 'acknowledged') return { ...base, status: 'acknowledged', acknowledgedBy: incident.acknowledgedBy ?? 'someone' };
  if (incident.status === 'unanswered') return { ...base, status: 'unanswered' };
  const paged = incident.chain[incident.step % Math.max(incident.chain.length, 1)];
  return { ...base, status: 'paging', paging: paged?.name ?? 'the on-call chain' };
}
