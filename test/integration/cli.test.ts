import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalSwitchboard, TEST_SIGNING_SECRET, type LocalSwitchboard } from '../support/local-switchboard';
import { ManualClock } from '../support/manual-clock';
import { switchboardCli } from '../support/switchboard-cli';
import { TEST_TWILIO_AUTH_TOKEN } from '../support/twilio-requests';

describe('the switchboard CLI against a running local Switchboard', () => {
  let switchboard: LocalSwitchboard;
  let env: Record<string, string | undefined>;
  let scratch: string;

  beforeAll(async () => {
    switchboard = await startLocalSwitchboard({ clock: new ManualClock('2026-11-22T20:00:00-08:00') });
    // The same environment the runtime has, as when both read one .env file.
    env = { SWITCHBOARD_DATA_DIR: switchboard.dataDir, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET };
    scratch = await mkdtemp(join(tmpdir(), 'switchboard-cli-'));
  });
  afterAll(async () => {
    await switchboard.dispose();
    await rm(scratch, { recursive: true, force: true });
  });

  describe('config', () => {
    it('shows the configuration in force as YAML', async () => {
      const result = await switchboardCli(['config', 'show'], env);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('# v1, applied');
      expect(result.stdout).toContain('timeZone: America/Los_Angeles');
    });

    it('refuses an invalid file, naming each bad value with its path and line, and changes nothing', async () => {
      const example = await readFile('switchboard.config.example.yaml', 'utf8');
      const bad = join(scratch, 'bad.yaml');
      await writeFile(bad, example.replace('opens: "06:00"', 'opens: "6am"').replace('timeZone: America/Los_Angeles', 'timeZone: Mars/Olympus'));
      const result = await switchboardCli(['config', 'apply', bad], env);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/businessHours\.opens \(line \d+\): must be a 24-hour time/);
      expect(result.stderr).toMatch(/businessHours\.timeZone \(line \d+\): must be an IANA time zone/);
      expect((await switchboard.platform.configs.current()).version).toBe(1);
    });

    it('applies a file as a new version and says what changed; diff shows pending changes', async () => {
      const example = await readFile('switchboard.config.example.yaml', 'utf8');
      const later = join(scratch, 'later.yaml');
      await writeFile(later, example.replace('closes: "16:00"', 'closes: "17:00"'));

      const diff = await switchboardCli(['config', 'diff', later], env);
      expect(diff.code).toBe(0);
      expect(diff.stdout).toContain('businessHours.closes: "16:00" → "17:00"');

      const applied = await switchboardCli(['config', 'apply', later], env);
      expect(applied.code).toBe(0);
      expect(applied.stdout).toContain('as configuration v2');
      expect(applied.stdout).toContain('businessHours.closes: "16:00" → "17:00"');
      expect((await switchboard.platform.configs.current()).config.businessHours.closes).toBe('17:00');

      const history = await switchboardCli(['--json', 'config', 'show', '--history'], env);
      expect(JSON.parse(history.stdout).map((v: { version: number }) => v.version)).toEqual([2, 1]);
      const first = await switchboardCli(['config', 'show', 'v1'], env);
      expect(first.stdout).toContain('closes: "16:00"');
    });

    it('fails clearly for a file that does not exist', async () => {
      const result = await switchboardCli(['config', 'apply', join(scratch, 'missing.yaml')], env);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('ENOENT');
    });
  });

  describe('channels', () => {
    it('adds, lists and removes a customer channel, each as a configuration version', async () => {
      const before = (await switchboard.platform.configs.current()).version;
      const added = await switchboardCli(['channels', 'add', 'C0GLOBEX01', '--customer', 'Globex'], env);
      expect(added.code).toBe(0);
      expect(added.stdout).toContain(`as configuration v${before + 1}`);

      const listed = await switchboardCli(['--json', 'channels', 'list'], env);
      expect(JSON.parse(listed.stdout)).toContainEqual({ id: 'C0GLOBEX01', customer: 'Globex' });
      const table = await switchboardCli(['channels', 'list'], env);
      expect(table.stdout).toMatch(/CHANNEL\s+CUSTOMER/);
      expect(table.stdout).toMatch(/C0GLOBEX01\s+Globex/);

      const again = await switchboardCli(['channels', 'add', 'C0GLOBEX01', '--customer', 'Globex'], env);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('already a customer channel');

      const removed = await switchboardCli(['channels', 'remove', 'C0GLOBEX01'], env);
      expect(removed.code).toBe(0);
      expect((await switchboard.platform.configs.current()).config.afterHours.customerChannels.map((c) => c.id)).not.toContain('C0GLOBEX01');
    });

    it('refuses a channel id that is not one', async () => {
      const result = await switchboardCli(['channels', 'add', 'general', '--customer', 'Globex'], env);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('must be a Slack channel id');
    });
  });

  describe('simulate, runs and outbox', () => {
    it('sends a signed customer message that is answered (in dry-run, into the outbox) and shows the run', async () => {
      const result = await switchboardCli(['simulate', 'slack-message', '--text', 'Prod is down'], env);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/HTTP 200/);
      expect(result.stdout).toMatch(/Run after-hours:Ev\w+: succeeded/);
      const runId = /Run (after-hours:Ev\w+)/.exec(result.stdout)?.[1] as string;

      const outbox = await switchboardCli(['--json', 'outbox', 'list'], env);
      const entries = JSON.parse(outbox.stdout) as { provider: string; operation: string; request: Record<string, unknown> }[];
      expect(entries[0]).toMatchObject({ provider: 'slack', operation: 'chat.postMessage', request: { channel: 'C0ACMEPROD' } });

      const runs = await switchboardCli(['runs', 'list'], env);
      expect(runs.stdout).toMatch(/RUN ID\s+STATUS/);
      expect(runs.stdout).toContain(runId);
      const shown = await switchboardCli(['runs', 'show', runId], env);
      expect(shown.code).toBe(0);
      expect(shown.stdout).toContain('passed   outside business hours');
      expect(shown.stdout).toContain('done     post after-hours notice');
    });

    it('simulates a team member, whose run is filtered with the reason', async () => {
      const result = await switchboardCli(['simulate', 'slack-message', '--team', 'T0EXAMPLE1', '--user', 'U0TEAMMATE1'], env);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/: filtered/);
      expect(result.stdout).toContain('belongs to the company workspace');
      const filtered = await switchboardCli(['--json', 'runs', 'list', '--status', 'filtered'], env);
      const page = JSON.parse(filtered.stdout) as { runs: { status: string }[]; nextCursor: string | null };
      expect(page.runs.length).toBeGreaterThan(0);
      expect(page.runs.every((run) => run.status === 'filtered')).toBe(true);
    });

    it('sends the customer questions shortcut, signed like Slack, whose row goes to the outbox in dry-run', async () => {
      const result = await switchboardCli(['simulate', 'slack-shortcut', '--text', 'Can we export audit logs?'], env);

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/HTTP 200/);
      expect(result.stdout).toMatch(/Run customer-questions:\d+\.\d+\.\w+: succeeded/);
      const outbox = await switchboardCli(['--json', 'outbox', 'list', '--provider', 'google-sheets'], env);
      const [append] = JSON.parse(outbox.stdout) as { operation: string; request: { requestBody: { values: string[][] } } }[];
      expect(append?.operation).toBe('spreadsheets.values.append');
      expect(append?.request.requestBody.values[0]?.[3]).toBe('Can we export audit logs?');
    });

    it('shows the overnight digest and the first-response watch in the runs, with their decisions', async () => {
      // The customer's message simulated above (Sunday 20:00) was due a first reply at midnight, and is in Monday's digest.
      switchboard.clock.set('2026-11-23T06:00:00-08:00');
      await switchboard.tick();
      await switchboard.drain();

      const watch = await switchboardCli(['runs', 'list', '--automation', 'first-response'], env);
      expect(watch.stdout).toContain('flag the unanswered message');
      const watchRuns = (JSON.parse((await switchboardCli(['--json', 'runs', 'list', '--automation', 'first-response'], env)).stdout) as { runs: { trigger: { detailType: string }; steps: { name: string; detail?: string }[] }[] }).runs;
      expect(watchRuns.find((run) => run.trigger.detailType === 'timer.fired')?.steps.at(-1)?.detail).toMatch(/^flagged in C0SUPPORT01/);
      const digest = await switchboardCli(['runs', 'list', '--automation', 'after-hours'], env);
      expect(digest.stdout).toContain('post the overnight digest');
      const digestRuns = (JSON.parse((await switchboardCli(['--json', 'runs', 'list', '--automation', 'after-hours'], env)).stdout) as { runs: { trigger: { detailType: string }; steps: { name: string; detail?: string }[] }[] }).runs;
      expect(digestRuns.find((run) => run.trigger.detailType === 'timer.fired')?.steps.at(-1)?.detail).toMatch(/^1 message\(s\), 0 with a team reply, to C0CUSTSUCC1/);
    });

    it('exits non-zero for an unknown run, a bad option and an unknown command', async () => {
      expect((await switchboardCli(['runs', 'show', 'after-hours:nope'], env)).code).toBe(1);
      expect((await switchboardCli(['runs', 'list', '--status', 'sideways'], env)).code).toBe(1);
      expect((await switchboardCli(['runs', 'list', '--limit', 'many'], env)).code).toBe(1);
      const unknown = await switchboardCli(['frobnicate'], env);
      expect(unknown.code).not.toBe(0);
      expect(unknown.stderr).toContain('unknown command');
    });
  });
});

describe('the switchboard CLI for paging: incidents, timers, SMS replies', () => {
  let switchboard: LocalSwitchboard;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    // Dry-run providers; the poller picks up what the CLI queues, as the real runtime does every second.
    switchboard = await startLocalSwitchboard({ clock: new ManualClock('2026-11-22T20:00:00-08:00'), options: { pollIntervalMs: 50 } });
    env = { SWITCHBOARD_DATA_DIR: switchboard.dataDir, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, TWILIO_AUTH_TOKEN: TEST_TWILIO_AUTH_TOKEN };
  });
  afterAll(async () => {
    await switchboard.dispose();
  });

  it('opens an incident that pages the first person, lists it, and shows its escalation timer', async () => {
    const opened = await switchboardCli(['incidents', 'open', '--customer', 'Globex', '--severity', 'P1', '--excerpt', 'API returns 500s', '--by', 'ops'], env);
    expect(opened.stderr).toBe('');
    expect(opened.code).toBe(0);
    const [, id, code] = /Opened (INC-\w+): paging Dana \(VP Customer Success\) for P1 Globex\. ACK code (\w+)\./.exec(opened.stdout) ?? [];
    expect(id).toBeDefined();

    const sms = await switchboardCli(['--json', 'outbox', 'list', '--provider', 'twilio'], env);
    expect(JSON.parse(sms.stdout)[0]).toMatchObject({ operation: 'messages.create', request: { To: '+15555550101', Body: expect.stringContaining(`Reply ACK ${code}`) } });

    const list = await switchboardCli(['incidents', 'list', '--open'], env);
    expect(list.stdout).toMatch(new RegExp(`${id}\\s+${code}\\s+paging\\s+P1\\s+Globex`));
    const timers = await switchboardCli(['timers', 'list'], env);
    expect(timers.stdout).toContain(`paging:${id}:escalate:0`);
  });

  it('acknowledges by SMS reply (simulated, signed like Twilio) and by the CLI', async () => {
    const first = JSON.parse((await switchboardCli(['--json', 'incidents', 'open', '--customer', 'Initech'], env)).stdout) as { id: string; incident: { code: string } };
    const reply = await switchboardCli(['simulate', 'sms-reply', '--body', `ack ${first.incident.code}`], env);
    expect(reply.stderr).toBe('');
    expect(reply.stdout).toMatch(/HTTP 200 <\?xml/);
    expect(reply.stdout).toMatch(/Run paging:SM\w+: succeeded/);
    const shown = await switchboardCli(['incidents', 'show', first.id], env);
    expect(shown.stdout).toContain('acknowledged by Dana (VP Customer Success)');

    const second = JSON.parse((await switchboardCli(['--json', 'incidents', 'open', '--customer', 'Umbrella'], env)).stdout) as { id: string; incident: { code: string } };
    const acked = await switchboardCli(['incidents', 'ack', second.incident.code, '--by', 'Priya'], env);
    expect(acked.stdout).toContain(`${second.id} acknowledged by Priya; escalation stopped.`);
    expect((await switchboardCli(['incidents', 'ack', second.id], env)).stderr).toContain('already acknowledged by Priya');
    expect((await switchboardCli(['incidents', 'ack', 'INC-NOPE99'], env)).code).toBe(1);
  });

  it('lists as waiting only the runs still waiting: an acknowledged page is over, and says which run ended it', async () => {
    const opened = JSON.parse((await switchboardCli(['--json', 'incidents', 'open', '--customer', 'Hooli'], env)).stdout) as { id: string; incident: { code: string } };
    const waitingBefore = (JSON.parse((await switchboardCli(['--json', 'runs', 'list', '--status', 'waiting', '--automation', 'paging'], env)).stdout) as { runs: { runId: string; event: { detail: { customer?: string } } }[] }).runs;
    const hooli = waitingBefore.find((run) => run.event.detail.customer === 'Hooli');
    expect(hooli).toBeDefined();

    const reply = await switchboardCli(['simulate', 'sms-reply', '--body', `ACK ${opened.incident.code}`], env);
    const ackRun = /Run (paging:SM\w+): succeeded/.exec(reply.stdout)?.[1];

    const waitingAfter = (JSON.parse((await switchboardCli(['--json', 'runs', 'list', '--status', 'waiting', '--automation', 'paging'], env)).stdout) as { runs: { runId: string }[] }).runs;
    expect(waitingAfter.map((run) => run.runId)).not.toContain(hooli!.runId);
    const shown = await switchboardCli(['runs', 'show', hooli!.runId], env);
    expect(shown.stdout).toContain(`Run ${hooli!.runId}: succeeded`);
    expect(shown.stdout).toMatch(new RegExp(`closed\\s+.+ PT by ${ackRun}: Dana \\(VP Customer Success\\) acknowledged ${opened.id}`));
  });

  it('refuses a severity other than P0 or P1', async () => {
    const result = await switchboardCli(['incidents', 'open', '--customer', 'X', '--severity', 'P3'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"P3" is not a severity; use one of P0, P1.');
  });
});

describe('the switchboard CLI without a running Switchboard', () => {
  it('opens the SQLite store of the data directory itself; a read-only command creates nothing and says what to do first', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'switchboard-cli-offline-')), '.switchboard');
    try {
      const env = { SWITCHBOARD_DATA_DIR: dataDir };
      const empty = await switchboardCli(['config', 'show'], env);
      expect(empty.code).toBe(1);
      expect(empty.stderr).toContain(`no local Switchboard data in ${dataDir} yet`);
      expect(empty.stderr).toContain('npm start');
      expect(existsSync(dataDir)).toBe(false);

      const applied = await switchboardCli(['config', 'apply', 'switchboard.config.example.yaml'], env);
      expect(applied.code).toBe(0);
      expect(applied.stdout).toContain(`local data in ${dataDir}`);

      // Persisted: a later command (another connection to the same file) sees it.
      const shown = await switchboardCli(['channels', 'list'], env);
      expect(shown.stdout).toMatch(/C0ACMEPROD\s+Acme Corp/);
    } finally {
      await rm(dirname(dataDir), { recursive: true, force: true });
    }
  });

  it("finds the project's data from a subdirectory of the project", async () => {
    const project = await mkdtemp(join(tmpdir(), 'switchboard-project-'));
    try {
      await writeFile(join(project, 'switchboard.config.example.yaml'), await readFile('switchboard.config.example.yaml', 'utf8'));
      const applied = await switchboardCli(['config', 'apply', join(project, 'switchboard.config.example.yaml')], {}, { cwd: project });
      expect(applied.code).toBe(0);
      const nested = join(project, 'functions', 'deep');
      await mkdir(nested, { recursive: true });

      const shown = await switchboardCli(['channels', 'list'], {}, { cwd: nested });

      expect(shown.code).toBe(0);
      expect(shown.stdout).toMatch(/C0ACMEPROD\s+Acme Corp/);
      expect(existsSync(join(project, '.switchboard', 'switchboard.db'))).toBe(true);
      expect(existsSync(join(nested, '.switchboard'))).toBe(false);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it('says where it looked when it is run outside any project', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'switchboard-elsewhere-'));
    try {
      const result = await switchboardCli(['runs', 'list'], {}, { cwd: elsewhere });

      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`no Switchboard project in ${elsewhere} or any directory above it`);
      expect(result.stderr).toContain('SWITCHBOARD_DATA_DIR');
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});
