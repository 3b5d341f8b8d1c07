import type { MessageMetadata } from '@slack/web-api';

/** The `event_type` of the metadata Switchboard puts on each message it posts as a side effect. */
export const EFFECT_EVENT_TYPE = 'switchboard_effect';

/**
 * The message metadata that names the side effect a post performs (Slack's message metadata: an
 * `event_type` and a free-form `event_payload`), by which the post is found again after a crash.
 *
 * @example effectMetadata('after-hours.notice:C0ACMEPROD:U0CUSTOMER1:2026-11-23T14:00:00.000Z')
 * // { event_type: 'switchboard_effect', event_payload: { key: 'after-hours.notice:…' } }
 */
export function effectMetadata(effectKey: string): MessageMetadata {
  return { event_type: EFFECT_EVENT_TYPE, event_payload: { key: effectKey } };
}

/** Does a message's metadata (as `conversations.history` returns it) name this effect? */
export function carriesEffect(metadata: unknown, effectKey: string): boolean {
  if (typeof metadata !== 'object' || metadata === null) return false;
  const { event_type: type, event_payload: payload } = metadata as { event_type?: unknown; event_payload?: unknown };
  return type === EFFECT_EVENT_TYPE && typeof payload === 'object' && payload !== null && (payload as { key?: unknown }).key === effectKey;
}
