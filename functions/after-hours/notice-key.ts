/**
 * The idempotency key of a notice: one per channel, sender and after-hours period. A period is named by
 * the opening that ends it, so every message of one night (or one weekend) shares the key.
 */
export function noticeKey(channel: string, sender: string, periodEndsAt: Date): string {
  return `after-hours.notice:${channel}:${sender}:${periodEndsAt.toISOString()}`;
}
