import type { SlackMessage } from '../../shared/providers/slack/slack-messenger';
import type { Incident } from './incident';

/** A link that opens a Slack channel from any device (a thread permalink needs the workspace domain). */
export function slackChannelLink(channel: string): string {
  return `https://slack.com/app_redirect?channel=${channel}`;
}

function headline(incident: Incident): string {
  return `*${incident.severity}* for *${incident.customer}* (${incident.id})`;
}

/** Where the customer wrote, as a link, and what it opens. */
export interface CustomerLink {
  url: string;
  label: 'Customer thread' | 'Customer channel';
}

/**
 * The link to the customer's thread: its permalink, or the channel while Slack has not given one (the
 * channel's link cannot open a thread, so it is not called one).
 */
export function customerLink(incident: Pick<Incident, 'slack' | 'link'>): CustomerLink | undefined {
  if (incident.slack === undefined) return undefined;
  const channel = slackChannelLink(incident.slack.channel);
  // Older incidents kept the channel's link as theirs when Slack could not say.
  if (incident.link === undefined || incident.link === channel) return { url: channel, label: 'Customer channel' };
  return { url: incident.link, label: 'Customer thread' };
}

/** Internal channel: an incident opened and who is being paged. */
export function incidentOpened(incident: Incident, paging: string): SlackMessage {
  const link = customerLink(incident);
  const thread = link === undefined ? '' : ` <${link.url}|${link.label}>.`;
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
