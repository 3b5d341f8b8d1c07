import type { AutomationContext } from '../../shared/automation/automation';
import { designatedChannelOf, isTeamMember } from '../../shared/customers/customer-messages';
import type { EventOf } from '../../shared/events/catalogue';
import { closeWatch } from './close-watch';
import { WatchStore } from './watch-store';

/**
 * An emoji reaction counts as a first reply only when the configuration says so, and only from a team
 * member (Slack does not say whose workspace a reactor is from: `users.info` does). It answers the watch
 * of the message reacted to, or the watch of the thread that message was watched in (a line that joined
 * a customer's question, a reply in a thread) — never a watch of another thread.
 */
export async function watchReaction(event: EventOf<'slack.reaction.added'>, context: AutomationContext): Promise<void> {
  const { run, config } = context;
  const reaction = event.detail;
  const settings = config.firstResponse;
  if (!run.check('the first-response watch is configured', settings === undefined ? 'no firstResponse section in the configuration' : undefined)) return;
  if (!run.check('reactions count as a reply', settings?.reactionsCount === true ? undefined : 'firstResponse.reactionsCount is off: a reaction is not a reply')) return;
  const channel = designatedChannelOf(config, reaction.channel);
  if (!run.check('designated customer channel', channel === undefined ? `${reaction.channel} is not a designated customer channel` : undefined, channel?.customer)) return;

  const team = await run.step("look up the reactor's workspace", async () => {
    const found = await context.slack.teamOfUser(reaction.user);
    return { detail: found === undefined ? `${reaction.user}'s workspace is unknown` : `${reaction.user} is in ${found}`, team: found };
  });
  if (!run.check('a team member reacts', isTeamMember(config, reaction.user, team.team) ? undefined : `${reaction.user} is not a team member`, reaction.user)) return;

  const store = new WatchStore(context.table);
  await run.step('close the watch it answers', async () => {
    // Only the watch of the message reacted to, or of the thread it was watched in: never another thread's.
    const answered = await store.watchOfMessage(reaction.channel, reaction.messageTs);
    if (answered === undefined) return { detail: `:${reaction.reaction}: on ${reaction.messageTs}; no watch was waiting for it` };
    await closeWatch(answered, context, store, { ts: reaction.reactedTs, reason: `${reaction.user} reacted :${reaction.reaction}:` });
    return { detail: `:${reaction.reaction}: answered ${answered.ts}` };
  });
}
