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
