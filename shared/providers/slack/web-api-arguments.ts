import type { ChatPostEphemeralArguments, ChatPostMessageArguments, ChatUpdateArguments } from '@slack/web-api';
import { effectMetadata } from './effect-metadata';
import type { InteractionReply, SlackMessage } from './slack-messenger';

/**
 * The Web API arguments for each call, built in one place so the dry-run outbox records exactly what the
 * live client sends.
 */
export function postMessageArguments(message: SlackMessage): ChatPostMessageArguments {
  return {
    channel: message.channel,
    text: message.text,
    ...(message.blocks === undefined ? {} : { blocks: message.blocks }),
    ...(message.threadTs === undefined ? {} : { thread_ts: message.threadTs }),
    ...(message.effectKey === undefined ? {} : { metadata: effectMetadata(message.effectKey) }),
    unfurl_links: false,
  };
}

export function updateArguments(message: SlackMessage & { ts: string }): ChatUpdateArguments {
  return {
    channel: message.channel,
    ts: message.ts,
    text: message.text,
    ...(message.blocks === undefined ? {} : { blocks: message.blocks }),
  };
}

export function postEphemeralArguments(message: SlackMessage & { user: string }): ChatPostEphemeralArguments {
  return {
    channel: message.channel,
    user: message.user,
    text: message.text,
    ...(message.blocks === undefined ? {} : { blocks: message.blocks }),
    ...(message.threadTs === undefined ? {} : { thread_ts: message.threadTs }),
  };
}

/** The JSON body of a POST to a `response_url`: a new message only the person sees, never a replacement. */
export function responseArguments(reply: InteractionReply): Record<string, unknown> {
  return {
    response_type: 'ephemeral',
    replace_original: false,
    text: reply.text,
    ...(reply.blocks === undefined ? {} : { blocks: reply.blocks }),
  };
}
