/**
 * A provider call failed after the client's own retries. `transient` failures (429, 5xx, timeouts) are
 * worth retrying later; permanent ones (a bad channel, a missing scope) end the run as failed.
 */
export class ProviderError extends Error {
  override readonly name: string = 'ProviderError';
  constructor(
    readonly provider: string,
    readonly operation: string,
    readonly transient: boolean,
    message: string,
    options?: ErrorOptions & { status?: number; code?: string; retryAfterSeconds?: number },
  ) {
    super(`${provider} ${operation} failed: ${message}`, options);
    this.status = options?.status;
    this.code = options?.code;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
  readonly status: number | undefined;
  readonly code: string | undefined;
  /** A rate limit's Retry-After, when the provider gave one. */
  readonly retryAfterSeconds: number | undefined;
}

/**
 * The wait a rate limit asked for, in seconds, when `error` is (or was caused by) a transient
 * ProviderError that carries one: what the bus waits at least before the next attempt.
 */
export function retryAfterSecondsOf(error: unknown): number | undefined {
  let cause = error;
  for (let depth = 0; depth < 8 && typeof cause === 'object' && cause !== null; depth += 1) {
    if (cause instanceof ProviderError) return cause.transient ? cause.retryAfterSeconds : undefined;
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}
