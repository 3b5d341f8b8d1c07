import type { AutomationContext } from '../../shared/automation/automation';
import type { DetailOf } from '../../shared/events/catalogue';
import { ProviderError } from '../../shared/providers/provider-error';
import type { SlackMessage } from '../../shared/providers/slack/slack-messenger';
import { channelLabel, inviteSwitchboardHint } from './question-messages';

type Shortcut = DetailOf<'slack.shortcut.used'>;

/**
 * Slack's refusals that mean Switchboard is not a member of the channel: `not_in_channel`, and
 * `channel_not_found` for a private channel it cannot see.
 */
export function isNotInChannel(error: unknown): error is ProviderError {
  return error instanceof ProviderError && error.provider === 'slack' && (error.code === 'not_in_channel' || error.code === 'channel_not_found');
}

/**
 * Tells the person who used the shortcut, and only them: an ephemeral message in the channel, or — where
 * Slack refuses it because Switchboard is not in the channel — the same through the shortcut's response
 * URL, which reaches them anyway, with what to do about it. Neither leaves a trace an app can look up,
 * so a crash mid-call may show it twice (the effect `key` keeps retries from repeating it).
 */
export async function tellPrivately(context: AutomationContext, shortcut: Shortcut, key: string, message: SlackMessage & { user: string }): Promise<{ how: string; alreadyDone: boolean }> {
  const told = await context.once(key, async () => {
    try {
      await context.slack.postEphemeral(message);
      return 'ephemeral message';
    } catch (error) {
      if (!isNotInChannel(error) || shortcut.responseUrl === undefined) throw error;
      const text = `${message.text}\n${inviteSwitchboardHint(channelLabel(shortcut))}`;
      await context.slack.respond(shortcut.responseUrl, { text });
      return `response URL (${error.code}: Switchboard is not in ${channelLabel(shortcut)})`;
    }
  });
  return { how: told.result, alreadyDone: told.alreadyDone };
}
