import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `read` until it returns something, for up to `timeoutMs`: the running Switchboard handles what
 * the CLI sent asynchronously, and the CLI shows the outcome when it comes.
 */
export async function waitFor<T>(read: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T | undefined> {
  for (let waited = 0; ; waited += 200) {
    const value = await read();
    if (value !== undefined || waited >= timeoutMs) return value;
    await sleep(200);
  }
}
