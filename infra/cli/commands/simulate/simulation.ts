import type { RunRecord } from '../../../../shared/runs/run';
import { CliError } from '../../cli-error';
import type { Target } from '../../target';
import { waitFor } from '../../wait-for';

/**
 * What every `simulate` scenario shares: where to send, the server's clock, and the runs the simulated
 * webhook caused. Each scenario lives in a file of its own next to this one and is registered in
 * `simulate-command.ts`.
 */

/** The Switchboard to send to: `--url`, else the running local runtime, else the stack's API. */
export function baseUrlOf(target: Target, url: string | undefined): string {
  const base = (url ?? target.baseUrl)?.replace(/\/$/, '');
  if (base === undefined) throw new CliError('no Switchboard URL: pass --url');
  return base;
}

/** The server's clock (it may run at SWITCHBOARD_NOW), so a signature timestamp is within its window. */
export async function serverTime(baseUrl: string): Promise<Date> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/health`);
  } catch (error) {
    throw new CliError(`no Switchboard answers at ${baseUrl}: start it with \`npm start\` (${(error as Error).message})`);
  }
  const health = (await response.json()) as { time?: string };
  return health.time === undefined ? new Date() : new Date(health.time);
}

/** The runs an event caused, once they are recorded (up to 5 seconds). */
export async function waitForRuns(target: Target, eventId: string): Promise<RunRecord[]> {
  const runs = await waitFor(async () => {
    const caused = (await target.runs.list({ limit: 50 })).filter((run) => run.trigger.eventId === eventId);
    return caused.length > 0 ? caused : undefined;
  });
  return runs ?? [];
}

/** The runs as lines: each run's status, then its steps. */
export function describeRuns(runs: readonly RunRecord[]): string[] {
  return runs.length === 0
    ? ['No run recorded yet; see `switchboard runs list`.']
    : runs.flatMap((run) => [`Run ${run.runId}: ${run.status}`, ...run.steps.map((s) => `  ${s.outcome.padEnd(8)} ${s.name}${s.detail === undefined ? '' : ` — ${s.detail}`}`)]);
}
