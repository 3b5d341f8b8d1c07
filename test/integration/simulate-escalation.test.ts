import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalSwitchboard, TEST_SIGNING_SECRET, type LocalSwitchboard } from '../support/local-switchboard';
import { ManualClock } from '../support/manual-clock';
import { switchboardCli } from '../support/switchboard-cli';
import { TEST_TWILIO_AUTH_TOKEN } from '../support/twilio-requests';

// Sunday 2026-11-22, 8 PM Pacific: closed, so a customer message gets the notice with its buttons.
const SUNDAY_EVENING = '2026-11-22T20:00:00-08:00';

interface Outboxed {
  provider: string;
  operation: string;
  request: Record<string, unknown>;
}

/** `simulate slack-click` and `simulate sms-status`: the clicks and delivery reports a person cannot easily cause by hand. */
describe('simulating an escalation: the P0/P1 click and the delivery report of a page', () => {
  let switchboard: LocalSwitchboard;
  let env: Record<string, string>;

  beforeAll(async () => {
    // Dry-run providers; the poller picks up what the CLI queues, as the real runtime does every second.
    switchboard = await startLocalSwitchboard({ clock: new ManualClock(SUNDAY_EVENING), options: { pollIntervalMs: 50 } });
    env = { SWITCHBOARD_DATA_DIR: switchboard.dataDir, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, TWILIO_AUTH_TOKEN: TEST_TWILIO_AUTH_TOKEN, SWITCHBOARD_NOW: SUNDAY_EVENING };
  });
  afterAll(async () => {
    await switchboard.dispose();
  });

  const sms = async () => (JSON.parse((await switchboardCli(['--json', 'outbox', 'list', '--provider', 'twilio', '--limit', '100'], env)).stdout) as Outboxed[]).filter((entry) => entry.operation === 'messages.create');

  it('refuses a click when no notice has been posted yet, saying how to get one', async () => {
    const result = await switchboardCli(['simulate', 'slack-click'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no after-hours notice to click yet: simulate a customer message outside business hours first');
  });

  it('clicks P0 on the latest notice as the customer who asked: an incident is opened and the first person paged', async () => {
    const message = await switchboardCli(['simulate', 'slack-message', '--text', 'Checkout is down'], env);
    expect(message.stdout).toMatch(/Run after-hours:Ev\w+: succeeded/);

    const click = await switchboardCli(['simulate', 'slack-click', '--severity', 'P0'], env);
    expect(click.stderr).toBe('');
    expect(click.code).toBe(0);
    expect(click.stdout).toMatch(/Sent P0 click by U0\w+ on notice \d+\.\d+ to http:\/\/[^ ]+\/webhooks\/slack\/interactions: HTTP 200/);
    expect(click.stdout).toMatch(/Run after-hours:\S+: succeeded/);

    const incidents = JSON.parse((await switchboardCli(['--json', 'incidents', 'list'], env)).stdout) as { id: string; severity: string; customer: string; excerpt: string }[];
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ severity: 'P0', customer: 'Acme Corp', excerpt: 'Checkout is down' });
    expect((await sms()).map((entry) => entry.request['To'])).toEqual(['+15555550101']);
  });

  it('a click by someone else is refused, privately, and pages nobody', async () => {
    const click = await switchboardCli(['--json', 'simulate', 'slack-click', '--user', 'U0SOMEONE1'], env);
    expect(click.code).toBe(0);
    const { runs } = JSON.parse(click.stdout) as { runs: { status: string; steps: { name: string; detail?: string }[] }[] };
    expect(runs).toHaveLength(1);
    expect(runs[0]?.status).toBe('filtered');
    const ephemeral = (JSON.parse((await switchboardCli(['--json', 'outbox', 'list', '--provider', 'slack'], env)).stdout) as Outboxed[]).filter((entry) => entry.operation === 'chat.postEphemeral');
    expect(ephemeral.map((entry) => entry.request['user'])).toContain('U0SOMEONE1');
    expect(await sms()).toHaveLength(1);
  });

  it('reports the latest page undelivered: the next person on the chain is paged at once', async () => {
    const report = await switchboardCli(['simulate', 'sms-status', '--status', 'undelivered'], env);
    expect(report.stderr).toBe('');
    expect(report.stdout).toMatch(/Sent the undelivered status of SM\w+ \(INC-\w+, page 1\) to http:\/\/[^ ]+\/webhooks\/twilio\/status: HTTP 2\d\d/);
    expect(report.stdout).toMatch(/Run paging:SM\w+:undelivered: waiting/);
    expect(report.stdout).toMatch(/done +page Sam \(SVP Customer Success\) — SMS SM\w+ \(page 2, pass 1\)/);
    expect((await sms()).map((entry) => entry.request['To']).sort()).toEqual(['+15555550101', '+15555550102']);
  });

  it('reports a page delivered: recorded on the page, nobody else paged', async () => {
    const report = await switchboardCli(['simulate', 'sms-status', '--status', 'delivered'], env);
    expect(report.code).toBe(0);
    const [incident] = JSON.parse((await switchboardCli(['--json', 'incidents', 'list'], env)).stdout) as { id: string }[];
    const shown = await switchboardCli(['incidents', 'show', incident!.id], env);
    expect(shown.stdout).toMatch(/1\. .*Dana \(VP Customer Success\)\s+undelivered/);
    expect(shown.stdout).toMatch(/2\. .*Sam \(SVP Customer Success\)\s+delivered/);
    expect(await sms()).toHaveLength(2);
  });

  it('refuses a status Twilio does not send, naming those it does', async () => {
    const result = await switchboardCli(['simulate', 'sms-status', '--status', 'lost'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--status "lost" is not a Twilio message status; use one of');
  });
});
