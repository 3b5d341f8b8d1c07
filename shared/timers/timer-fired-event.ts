import type { EventOf } from '../events/catalogue';
import { createEvent } from '../events/validate-event';
import type { Timer } from './timers';

/**
 * The `timer.fired` event of a timer. Its id is derived from the timer's id and due time, so a timer
 * delivered twice is recognised downstream as the same event, while one scheduled again under the same
 * id for another time is a new one.
 */
export function timerFiredEvent(timer: Timer): EventOf<'timer.fired'> {
  return createEvent('timer.fired', {
    eventId: `timer:${timer.id}@${timer.dueAt.toISOString()}`,
    receivedAt: timer.dueAt.toISOString(),
    provider: 'switchboard',
    automation: timer.automation,
    timerId: timer.id,
    kind: timer.kind,
    subject: timer.subject,
    dueAt: timer.dueAt.toISOString(),
  });
}
