import type { Timer } from '../../shared/timers/timers';
import type { JobApplication } from './application';

/** The three moments of an application: the first reminder, the deadline, and the escalation past it. */
export const DEADLINE_KINDS = ['remind', 'due', 'escalate'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export function isDeadlineKind(kind: string): kind is DeadlineKind {
  return (DEADLINE_KINDS as readonly string[]).includes(kind);
}

/**
 * The application's timers. Ids are unique per application (its submission id) and moment, so scheduling
 * them again on a retried run changes nothing; each fires `timer.fired` back to this automation, which
 * reads the application's state again then.
 */
export function deadlineTimers(application: JobApplication): Timer[] {
  const at: Record<DeadlineKind, string> = { remind: application.remindAt, due: application.dueAt, escalate: application.escalateAt };
  return DEADLINE_KINDS.map((kind) => ({
    id: deadlineTimerId(application.id, kind),
    automation: 'job-applications',
    kind,
    subject: application.id,
    dueAt: new Date(at[kind]),
  }));
}

export function deadlineTimerId(applicationId: string, kind: DeadlineKind): string {
  return `job-applications:${applicationId}:${kind}`;
}
