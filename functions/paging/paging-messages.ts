import type { SlackMessage } from '../../shared/providers/slack/slack-messenger';
import type { Incident } from './incident';

/** A link that opens a Slack channel from any device (a thread permalink needs the workspace domain). */
export function slackChannelLink(channel: string): string {
  return `https://slack.com/app_redirect?channel=${channel}`;
}

function headline(incident: Incident): string {
  return `*${incident.severity}* for *${incident.customer}* (${incident.id})`;
}

/** Internal channel: an incident opened and who is being paged. */
export function incidentOpened(incident: Incident, paging: string): SlackMessage {
  const thread = incident.slack === undefined ? '' : ` <${slackChannelLink(incident.slack.channel)}|Customer thread>.`;
  const text = `:rotating_light: ${headline(incident)}: paging ${paging} by SMS.${thread} To acknowledge, reply ACK ${incident.code} to the page.`;
  return { channel: incident.internalChannel, text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** Customer thread: someone is on it. */
export function acknowledgedInThread(incident: Incident & { slack: NonNullable<Incident['slack']> }, by: string): SlackMessage {
  const text = `:white_check_mark: ${by} from our on-call team has acknowledged this ${incident.severity} and is on it.`;
  return { channel: incident.slack.channel, threadTs: incident.slack.threadTs, text };
}

/** Internal channel: who acknowledged. */
export function acknowledgedInternally(incident: Incident, by: string): SlackMessage {
  const text = `:white_check_mark: ${by} acknowledged ${headline(incident)}.`;
  return { channel: incident.internalChannel, text };
}

/** Fallback channel: every page went unanswered. */
export function nobodyAnswered(incident: Incident, pages: number): SlackMessage {
  const text = `:warning: Nobody acknowledged ${headline(incident)} after ${pages} pages over the whole chain. Someone must take it now: reply ACK ${incident.code} to any page, or run \`switchboard incidents ack ${incident.code}\`.`;
  return { channel: incident.fallbackChannel, text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** SMS to whoever acknowledged. */
export function acknowledgementConfirmed(incident: Incident, by: string): string {
  return `Thanks ${by}: you are on ${incident.id} (${incident.severity}, ${incident.customer}). The customer has been told.`;
}

/** SMS to someone acknowledging an incident another person already took. */
export function alreadyAcknowledged(incident: Incident): string {
  return `${incident.id} (${incident.customer}) was already acknowledged by ${incident.acknowledgedBy ?? 'someone else'}. No action needed.`;
}
