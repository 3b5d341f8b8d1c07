import { setTimeout as sleep } from 'node:timers/promises';
import type { RunRecord } from '../../../../shared/runs/run';
import { CliError } from '../../cli-error';
import type { Target } from '../../../admin/target';

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

/** How often it looks. */
const POLL_MS = 200;
/** How long the CLI waits for the first run of an event it cannot see being handled (a stack). */
const FIRST_RUN_MS = 5_000;
/** How long it waits while a local runtime still has the event in hand (a busy machine, a retry). */
const PENDING_MS = 60_000;

/**
 * The runs an event caused, once they are recorded; `matches` finds them by more than the event id.
 * Locally it waits until the runtime has handled the event for every automation it goes to, so a slower
 * automation's run is not left out (up to a minute); on a stack, until the first run is recorded (up to 5 s;
 * EventBridge does not say when every function is done).
 */
export async function waitForRuns(target: Target, eventId: string, matches?: (run: RunRecord) => boolean): Promise<RunRecord[]> {
  const caused = async () => (await target.runs.list({ limit: 50 })).filter((run) => run.trigger.eventId === eventId || matches?.(run) === true);
  const started = Date.now();
  for (;;) {
    // Not pending and no run yet: a stack (which cannot tell), an event no automation takes, or an id the
    // queue does not know (a form found by `matches`): the first run recorded is the answer, up to 5 s.
    const pending = (await target.pending(eventId)) === true;
    const found = pending ? [] : await caused();
    if (found.length > 0) return found;
    if (Date.now() - started >= (pending ? PENDING_MS : FIRST_RUN_MS)) return caused();
    await sleep(POLL_MS);
  }
}

/** The runs as lines: each run's status, then its steps. */
export function describeRuns(runs: readonly RunRecord[]): string[] {
  return runs.length === 0
    ? ['No run recorded yet; see `switchboard runs list`.']
    : runs.flatMap((run) => [`Run ${run.runId}: ${run.status}`, ...run.steps.map((s) => `  ${s.outcome.padEnd(8)} ${s.name}${s.detail === undefined ? '' : ` — ${s.detail}`}`)]);
}
