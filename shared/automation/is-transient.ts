import { EffectInProgressError } from '../idempotency/side-effect-ledger';
import { ProviderError } from '../providers/provider-error';
import { ConditionFailedError } from '../store/store-errors';

const TRANSIENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

/**
 * Is a failure worth retrying later? Provider 429/5xx/timeouts, a side effect still held by another
 * attempt, a lost race, an unreachable store: yes. A bad request, a missing config, a bug: no — the run
 * ends `failed` and waits for a replay.
 */
export function isTransient(error: unknown, depth = 0): boolean {
  if (depth > 8) return false; // a cause chain that long (or circular) is not a provider hiccup
  if (error instanceof ProviderError) return error.transient;
  if (error instanceof EffectInProgressError || error instanceof ConditionFailedError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const sdk = error as { $retryable?: unknown; $metadata?: { httpStatusCode?: number }; code?: unknown; cause?: unknown };
  if (sdk.$retryable !== undefined) return true;
  if ((sdk.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  if (typeof sdk.code === 'string' && TRANSIENT_NETWORK_CODES.has(sdk.code)) return true;
  return sdk.cause !== undefined && isTransient(sdk.cause, depth + 1);
}
