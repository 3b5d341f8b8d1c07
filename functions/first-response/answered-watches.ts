import type { Watch } from './watch-store';

/**
 * The watches a team member's message answers (SPEC §3.H): a message at the top of the channel answers
 * every customer message before it; a reply in a thread, those of that thread before it.
 */
export function answeredWatches(pending: readonly Watch[], reply: { ts: string; threadTs: string | undefined }): Watch[] {
  return pending.filter((watch) => watch.ts < reply.ts && (reply.threadTs === undefined || watch.threadTs === reply.threadTs));
}

/**
 * The pending watch a new customer message belongs to, if any: one in the same thread, or, at the top of
 * the channel, one the same customer started there. Several lines in a row are one question, flagged once.
 */
export function watchJoined(pending: readonly Watch[], message: { ts: string; threadTs: string | undefined; user: string }): Watch | undefined {
  return pending.find((watch) =>
    message.threadTs === undefined ? watch.threadTs === watch.ts && watch.user === message.user && watch.ts < message.ts : watch.threadTs === message.threadTs,
  );
}
