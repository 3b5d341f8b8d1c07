import type { AutomationContext } from '../../shared/automation/automation';
import type { Watch, WatchStore } from './watch-store';

/**
 * A watch is answered before its deadline, by the team's message or reaction at `answerTs`: its timer is
 * cancelled (idempotent), the watch ends, and its thread is remembered as answered — the first response
 * is given, so the customer's next lines in that thread start no new watch.
 */
export async function closeWatch(watch: Watch, context: AutomationContext, store: WatchStore, answer: { ts: string; reason: string }): Promise<void> {
  await context.timers.cancel(watch.timerId);
  await store.noteTeamMessage(watch.channel, watch.threadTs, answer.ts, context.clock.now());
  await endWatch(watch, context, store, answer.reason);
}

/**
 * A watch is over (answered, or flagged when its timer fired): it is forgotten, and the run that started
 * it, waiting for a first reply, is closed with `reason`.
 */
export async function endWatch(watch: Watch, context: AutomationContext, store: WatchStore, reason: string): Promise<void> {
  await store.close(watch);
  if (watch.startedBy !== undefined) await context.closeWaitingRun(watch.startedBy, reason);
}
