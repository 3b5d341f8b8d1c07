import type { EventOf } from '../../../shared/events/catalogue';
import { createEvent } from '../../../shared/events/validate-event';
import type { SlackBlockActions } from './slack-payloads';

/**
 * Button clicks on our messages as `slack.button.clicked`, one per action. Our action ids are
 * `{automation}:{action}`, which routes the click to the automation that drew the button; clicks on
 * anything else are not ours and yield nothing.
 */
export function normaliseSlackInteraction(payload: SlackBlockActions, receivedAt: Date): EventOf<'slack.button.clicked'>[] {
  const channel = payload.container.channel_id ?? payload.channel?.id;
  const messageTs = payload.container.message_ts ?? payload.message?.ts;
  if (channel === undefined || messageTs === undefined) return [];
  return payload.actions.flatMap((action, index) => {
    const separator = action.action_id.indexOf(':');
    if (separator <= 0) return [];
    const userTeam = payload.user.team_id ?? payload.team?.id;
    return [
      createEvent('slack.button.clicked', {
        // trigger_id is unique per click: a double click is two clicks, a retry of one is the same.
        eventId: payload.actions.length === 1 ? payload.trigger_id : `${payload.trigger_id}#${index}`,
        receivedAt: receivedAt.toISOString(),
        provider: 'slack',
        automation: action.action_id.slice(0, separator),
        actionId: action.action_id,
        value: action.value ?? '',
        user: payload.user.id,
        ...(userTeam === undefined ? {} : { userTeam }),
        channel,
        messageTs,
        ...(payload.message?.thread_ts === undefined ? {} : { threadTs: payload.message.thread_ts }),
      }),
    ];
  });
}
