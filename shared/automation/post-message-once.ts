import type { EffectOutcome } from '../idempotency/side-effect-ledger';
import { lookUpSince } from '../idempotency/look-up-window';
import type { PostedMessage, SlackMessage } from '../providers/slack/slack-messenger';
import type { AutomationContext } from './automation';

/**
 * Posts a Slack message once per `key`. The post carries the key in its metadata, so that when a crash
 * left the post made but unrecorded, the process that takes the claim over finds it (in its thread, or
 * in the channel's history) instead of posting a second one.
 *
 * @example
 * const posted = await postMessageOnce(context, noticeKey(channel, sender, opening), notice);
 */
export function postMessageOnce(context: Pick<AutomationContext, 'once' | 'slack'>, key: string, message: SlackMessage): Promise<EffectOutcome<PostedMessage>> {
  return context.once(key, () => context.slack.postMessage({ ...message, effectKey: key }), {
    find: (claim) =>
      context.slack.findMessage({
        channel: message.channel,
        ...(message.threadTs === undefined ? {} : { threadTs: message.threadTs }),
        effectKey: key,
        since: lookUpSince(claim),
      }),
  });
}
