import type { BusinessCalendar } from '../../shared/calendar/business-calendar';
import type { JobApplicationsConfig } from '../../shared/config/config-schema';
import { durationMs } from '../../shared/config/duration';

/** The SLA in business hours. */
export interface SlaHours {
  respondWithin: number;
  remindBefore: number;
  escalateAfter: number;
}

/** When an application's CSE is reminded, when it is due, and when the manager is told. */
export interface DeadlinePlan {
  remindAt: Date;
  dueAt: Date;
  escalateAt: Date;
}

const HOUR_MS = 3_600_000;

/** The configured SLA (durations such as "4h") in business hours. */
export function slaHoursOf(sla: JobApplicationsConfig['sla']): SlaHours {
  return {
    respondWithin: durationMs(sla.respondWithin) / HOUR_MS,
    remindBefore: durationMs(sla.remindBefore) / HOUR_MS,
    escalateAfter: durationMs(sla.escalateAfter) / HOUR_MS,
  };
}

/**
 * The deadline is `respondWithin` business hours from receipt on the business calendar; the first reminder
 * `remindBefore` business hours before it (counted from receipt, so it too skips nights, weekends and
 * holidays), the second at it; the manager is told `escalateAfter` business hours past it.
 *
 * @example
 * // 4 h, 1 h, 30 min; Mon–Fri 06:00–16:00 PT
 * deadlinePlan(calendar, new Date('2026-11-20T15:00:00-08:00'), sla)
 * // { remindAt: Mon 08:00, dueAt: Mon 09:00, escalateAt: Mon 09:30 } (a Friday 15:00 application)
 */
export function deadlinePlan(calendar: BusinessCalendar, receivedAt: Date, sla: SlaHours): DeadlinePlan {
  const dueAt = calendar.addBusinessHours(receivedAt, sla.respondWithin);
  return {
    remindAt: calendar.addBusinessHours(receivedAt, Math.max(0, sla.respondWithin - sla.remindBefore)),
    dueAt,
    escalateAt: calendar.addBusinessHours(dueAt, sla.escalateAfter),
  };
}
