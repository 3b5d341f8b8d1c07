import type { FailedDelivery } from '../../shared/bus/failed-delivery';
import type { RunStore } from '../../shared/runs/run-store';

/** A failed delivery, and the replay that has since recovered its run, if one has. */
export type FailedDeliveryNow = FailedDelivery & { recoveredBy?: string };

/**
 * The failed deliveries with what became of their runs: a delivery whose run a replay recovered since is
 * still listed (its redrive would do nothing the replay did not), but says by which replay.
 */
export async function withRecovery(runs: RunStore, failures: readonly FailedDelivery[]): Promise<FailedDeliveryNow[]> {
  return Promise.all(
    failures.map(async (failure) => {
      const recoveredBy = (await runs.get(failure.runId))?.recoveredBy;
      return recoveredBy === undefined ? failure : { ...failure, recoveredBy };
    }),
  );
}
