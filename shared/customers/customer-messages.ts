import type { Config, CustomerChannel } from '../config/config-schema';
import type { DetailOf } from '../events/catalogue';

type Message = DetailOf<'slack.message.posted'>;

/**
 * Who wrote a message in a shared channel, by the configuration's rules (SPEC §3.A): the after-hours
 * notice, the overnight digest and the first-response watch all ask the same questions.
 */

/** Subtypes that are still a person writing something new; every other subtype (edits, joins, deletions, bot posts) is not. */
const NEW_MESSAGE_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

/** The designated customer channel a message is in, if any. */
export function designatedChannelOf(config: Config, channel: string): CustomerChannel | undefined {
  return config.afterHours.customerChannels.find((c) => c.id === channel);
}

/** Why the message is not a person writing something new (a bot, an edit, a join), or undefined when it is. */
function whyNotAPersonWriting(message: Message): string | undefined {
  if (message.botId !== undefined) return `sent by a bot (${message.botId})`;
  if (message.subtype !== undefined && !NEW_MESSAGE_SUBTYPES.has(message.subtype)) {
    return `a "${message.subtype}" event, not a new message`;
  }
  if (message.user === undefined) return 'the message has no sender';
  return undefined;
}

/** Is this user one of us: from the company's workspace, or on the internal-users list? */
export function isTeamMember(config: Config, user: string, userTeam: string | undefined): boolean {
  return config.company.slack.internalUsers.includes(user) || userTeam === config.company.slack.teamId;
}

/**
 * Why the sender does not count as a customer, or undefined when they do: a Slack Connect user from
 * another workspace, a person (not a bot), writing something new, and not on the internal list.
 */
export function whyNotACustomer(config: Config, message: Message): string | undefined {
  const notAPerson = whyNotAPersonWriting(message);
  if (notAPerson !== undefined) return notAPerson;
  const user = message.user as string;
  if (config.company.slack.internalUsers.includes(user)) return `${user} is on the internal-users list`;
  if (message.userTeam === undefined) return `${user}'s workspace is unknown, so they are not treated as a customer`;
  if (message.userTeam === config.company.slack.teamId) return `${user} belongs to the company workspace`;
  return undefined;
}

/** Why the message is not a team member writing (a customer, a bot, an edit), or undefined when it is. */
export function whyNotATeamMember(config: Config, message: Message): string | undefined {
  const notAPerson = whyNotAPersonWriting(message);
  if (notAPerson !== undefined) return notAPerson;
  const user = message.user as string;
  return isTeamMember(config, user, message.userTeam) ? undefined : `${user} is not a team member`;
}
