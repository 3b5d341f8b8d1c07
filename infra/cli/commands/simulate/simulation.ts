import type { RunRecord } from '../../../../shared/runs/run';
import { CliError } from '../../cli-error';
import type { Target } from '../../../admin/target';
import { waitFor } from '../../wait-for';

/**
 * What every `simulate` scenario shares: where to send, the server's clock, and the runs the simulated
 * webhook caused. Each scenario lives in a file of its own next to this one and is registered in
 * `simulate-command.ts`.
 */

/**
 * The Switchboard to send to — `--url`, else the running local runtime, else the stack's API — once it
 * has answered `/health`: a stopped one is reported before anything is sent, naming the URL tried and how
 * to change it.
 */
export async function baseUrlOf(target: Target, url: string | undefined): Promise<string> {
  const base = (url ?? target.baseUrl)?.replace(/\/$/, '');
  if (base === undefined) throw new CliError('no Switchboard URL: pass --url');
  await health(base, target, url !== undefined);
  return base;
}

/** The server's clock (it may run at SWITCHBOARD_NOW), so a signature timestamp is within its window. */
export async function serverTime(baseUrl: string): Promise<Date> {
  const { time } = await health(baseUrl, undefined, true);
  return time === undefined ? new Date() : new Date(time);
}

async function health(baseUrl: string, target: Target | undefined, given: boolean): Promise<{ time?: string }> {
  try {
    const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(5_000) });
    return (await response.json()) as { time?: string };
  } catch (error) {
    const guessed = target !== undefined && !given && !target.baseUrlKnown;
    throw new CliError(
      `no Switchboard answers at ${baseUrl} (${(error as Error).message})${guessed ? `; no running local runtime was found in ${target.description}, so this is the default port` : ''}: start it with \`npm start\`, or send to yours with --url http://localhost:PORT`,
    );
  }
}

/** The runs an event caused, once they are recorded (up to 5 seconds); `matches` finds them by more than the event id. */
export async function waitForRuns(target: Target, eventId: string, matches?: (run: RunRecord) => boolean): Promise<RunRecord[]> {
  const runs = await waitFor(async () => {
    const caused = (await target.runs.list({ limit: 50 })).filter((run) => run.trigger.eventId === eventId || matches?.(run) === true);
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
