import type { Watch } from './watch-store';

/**
 * The watches a team member's message answers (SPEC §3.H): a message at the top of the channel answers
 * every customer message before it; a reply in a thread, those of that thread before it.
 */
export function answeredWatches(pending: readonly Watch[], reply: { ts: string; threadTs: string | undefined }): Watch[] {
  return pending.filter((watch) => watch.ts < reply.ts && (reply.threadTs === undefined || watch.threadTs === reply.threadTs));
}
