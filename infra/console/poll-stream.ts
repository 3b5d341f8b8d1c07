import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';

/**
 * A server-sent events response that calls `poll` every `everyMs` until it says it is done or the browser
 * goes away. A failure (the store closing as the console stops, an AWS error) ends the stream with a
 * `problem` event instead of an unhandled error; the browser's EventSource then tries again.
 */
export function pollStream(c: Context, everyMs: number, poll: (stream: SSEStreamingApi) => Promise<'done' | 'again'>): Response {
  return streamSSE(c, async (stream) => {
    while (!stream.aborted && !stream.closed) {
      try {
        if ((await poll(stream)) === 'done') return;
      } catch (error) {
        if (!stream.aborted) await stream.writeSSE({ event: 'problem', data: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
        return;
      }
      await stream.sleep(everyMs);
    }
  });
}
