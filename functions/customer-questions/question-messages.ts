import type { SlackMessage } from '../../shared/providers/slack/slack-messenger';

/** Told, only to the person who used the shortcut, where the question went. */
export function questionAdded(input: { channel: string; user: string; threadTs: string | undefined; row: number | undefined; url: string; already: boolean }): SlackMessage & { user: string } {
  const where = input.row === undefined ? 'the customer questions sheet' : `row ${input.row} of the customer questions sheet`;
  const text = input.already
    ? `:white_check_mark: This question is already in ${where}: <${input.url}|open it>.`
    : `:white_check_mark: Added to ${where}: <${input.url}|open it>.`;
  return { channel: input.channel, user: input.user, ...(input.threadTs === undefined ? {} : { threadTs: input.threadTs }), text };
}

/** Told, only to them, when the shortcut is used but no sheet is configured. */
export function questionsNotSetUp(input: { channel: string; user: string; threadTs: string | undefined }): SlackMessage & { user: string } {
  return {
    channel: input.channel,
    user: input.user,
    ...(input.threadTs === undefined ? {} : { threadTs: input.threadTs }),
    text: 'Customer questions are not set up yet: an admin adds `customerQuestions` (the sheet) to the Switchboard configuration.',
  };
}

/** How a channel reads in a message: `#ext-acme`, or Slack's mention of its id when the name is unknown. */
export function channelLabel(input: { channel: string; channelName?: string | undefined }): string {
  return input.channelName === undefined ? `<#${input.channel}>` : `#${input.channelName}`;
}

/** What to do when Switchboard is not in the channel: invite it. */
export function inviteSwitchboardHint(channel: string): string {
  return `Switchboard is not in ${channel}: invite @Switchboard to ${channel} (type \`/invite @Switchboard\` there) so that it can answer there.`;
}

/** Told, through the shortcut's response URL, when Slack does not let Switchboard read the message: nothing was added. */
export function switchboardNotInChannel(channel: string): { text: string } {
  return {
    text: `:warning: I could not add this question: Switchboard is not in ${channel}, so Slack does not let it read the message. Invite @Switchboard to ${channel} (type \`/invite @Switchboard\` there), then use *Send to customer questions* on the message again.`,
  };
}
