import type { BusinessCalendar } from '../../shared/calendar/business-calendar';
import type { RepositoryRef } from '../../shared/events/github-events';
import type { Timer } from '../../shared/timers/timers';

export const INVESTIGATION_TIMER_KIND = 'investigation-check';

/**
 * The check of an investigation. Its id names the event that added the label, so adding it again (after a
 * removal) starts a fresh timer rather than reviving the old one.
 */
export function investigationTimer(repository: RepositoryRef, number: number, labeledEventId: string, dueAt: Date): Timer {
  return {
    id: `github-labels:investigation:${issueSubject(repository, number)}:${labeledEventId}`,
    automation: 'github-labels',
    kind: INVESTIGATION_TIMER_KIND,
    subject: issueSubject(repository, number),
    dueAt,
  };
}

/**
 * When an investigation started at `labeledAt` is checked: `businessDays` of open time later on the
 * business calendar (`addBusinessDays`: N × the length of a business day, counted only while open). Added
 * at a time of day the business is open, that is the same time of day N business days later: Wednesday
 * 2026-11-25 10:00 PT + 2 is Monday 2026-11-30 10:00 PT (Thanksgiving and the weekend are not counted).
 * Added while closed, the count starts at the next opening: Saturday + 2 is Tuesday at closing time.
 */
export function investigationDueAt(calendar: BusinessCalendar, labeledAt: Date, businessDays: number): Date {
  return calendar.addBusinessDays(labeledAt, businessDays);
}

/** `owner/name#number`: the issue a timer is about. */
export function issueSubject(repository: RepositoryRef, number: number): string {
  return `${repository.owner}/${repository.name}#${number}`;
}

/** The issue an investigation timer is about, or undefined for a subject that is not one. */
export function parseIssueSubject(subject: string): { repository: RepositoryRef; number: number } | undefined {
  const match = /^([\w.-]+)\/([\w.-]+)#(\d+)$/.exec(subject);
  return match === null ? undefined : { repository: { owner: match[1] as string, name: match[2] as string }, number: Number(match[3]) };
}
