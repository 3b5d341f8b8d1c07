import type { Timer } from '../../shared/timers/timers';

/** The timer that moves an incident on from page `step` when nobody acknowledged in time. */
export function escalationTimer(incidentId: string, step: number, dueAt: Date): Timer {
  return { id: escalationTimerId(incidentId, step), automation: 'paging', kind: 'escalate', subject: `${incidentId}/${step}`, dueAt };
}

export function escalationTimerId(incidentId: string, step: number): string {
  return `paging:${incidentId}:escalate:${step}`;
}

/** The incident and step an escalation timer is about. */
export function parseEscalationSubject(subject: string): { incidentId: string; step: number } | undefined {
  const match = /^(INC-[A-Z0-9]+)\/(\d+)$/.exec(subject);
  return match === null ? undefined : { incidentId: match[1] as string, step: Number(match[2]) };
}
