import type { AutomationContext } from '../../shared/automation/automation';
import type { Watch, WatchStore } from './watch-store';

/** A watch is answered: its timer is cancelled (idempotent) and it is forgotten. */
export async function closeWatch(watch: Watch, context: AutomationContext, store: WatchStore): Promise<void> {
  await context.timers.cancel(watch.timerId);
  await store.close(watch);
}
