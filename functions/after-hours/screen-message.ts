import type { BusinessCalendar } from '../../shared/calendar/business-calendar';
import { describeInstant } from '../../shared/calendar/describe';
import type { Config, CustomerChannel } from '../../shared/config/config-schema';
import type { DetailOf } from '../../shared/events/catalogue';

type Message = DetailOf<'slack.message.posted'>;

/** Subtypes that are still a person writing something new; every other subtype (edits, joins, deletions, bot posts) is not. */
const NEW_MESSAGE_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

/** Filter 1: the designated customer channel the message is in, if any. */
export function designatedChannelOf(config: Config, channel: string): CustomerChannel | undefined {
  return config.afterHours.customerChannels.find((c) => c.id === channel);
}

/**
 * Filter 2: why the sender does not count as a customer, or undefined when they do: a Slack Connect user
 * from another workspace, a person (not a bot), writing something new, and not on the internal list.
 */
export function whyNotACustomer(config: Config, message: Message): string | undefined {
  if (message.botId !== undefined) return `sent by a bot (${message.botId})`;
  if (message.subtype !== undefined && !NEW_MESSAGE_SUBTYPES.has(message.subtype)) {
    return `a "${message.subtype}" event, not a new message`;
  }
  if (message.user === undefined) return 'the message has no sender';
  if (config.company.slack.internalUsers.includes(message.user)) return `${message.user} is on the internal-users list`;
  if (message.userTeam === undefined) return `${message.user}'s workspace is unknown, so they are not treated as a customer`;
  if (message.userTeam === config.company.slack.teamId) return `${message.user} belongs to the company workspace`;
  return undefined;
}

/** Filter 3: why the message does not count as after hours, or undefined when it does. */
export function whyWithinBusinessHours(calendar: BusinessCalendar, postedAt: Date): string | undefined {
  return calendar.isWithinBusinessHours(postedAt)
    ? `posted within business hours (${describeInstant(postedAt, calendar.settings.timeZone)})`
    : undefined;
}
