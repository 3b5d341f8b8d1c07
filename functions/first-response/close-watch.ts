import type { AutomationContext } from '../../shared/automation/automation';
import type { Watch, WatchStore } from './watch-store';

/**
 * A watch is answered before its deadline: its timer is cancelled (idempotent), and the watch ends.
 */
export async function closeWatch(watch: Watch, context: AutomationContext, store: WatchStore, reason: string): Promise<void> {
  await context.timers.cancel(watch.timerId);
  await endWatch(watch, context, store, reason);
}

/**
 * A watch is over (answered, or flagged when its timer fired): it is forgotten, and the run that started
 * it, waiting for a first reply, is closed with `reason`.
 */
export async function endWatch(watch: Watch, context: AutomationContext, store: WatchStore, reason: string): Promise<void> {
  await store.close(watch);
  if (watch.startedBy !== undefined) await context.closeWaitingRun(watch.startedBy, reason);
}
