import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgram, main } from '../../infra/cli/main';
import { SWITCHBOARD_VERSION } from '../../shared/version';
import { startLocalSwitchboard, TEST_SIGNING_SECRET, type LocalSwitchboard } from '../support/local-switchboard';
import { ManualClock } from '../support/manual-clock';
import { switchboardCli } from '../support/switchboard-cli';

// Sunday 2026-11-22, 8 PM Pacific (Monday 04:00 UTC).
const SUNDAY_EVENING = '2026-11-22T20:00:00-08:00';

/** SPEC §4 and issue 11: a CLI that never surprises the person reading it. */
describe('the CLI never surprises', () => {
  let switchboard: LocalSwitchboard;
  let env: Record<string, string>;
  let runId: string;

  beforeAll(async () => {
    switchboard = await startLocalSwitchboard({ clock: new ManualClock(SUNDAY_EVENING) });
    env = { SWITCHBOARD_DATA_DIR: switchboard.dataDir, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SWITCHBOARD_NOW: SUNDAY_EVENING };
    const sent = await switchboardCli(['--json', 'simulate', 'slack-message', '--no-wait'], env);
    expect(sent.code).toBe(0);
    await switchboard.drain();
    runId = (JSON.parse((await switchboardCli(['--json', 'runs', 'list', '--automation', 'after-hours'], env)).stdout) as { runs: { runId: string }[] }).runs[0]!.runId;
  });
  afterAll(async () => {
    await switchboard.dispose();
  });

  describe('tables', () => {
    it('never cut an id: on a narrow terminal the other columns give way, marked with …', async () => {
      const narrow = await switchboardCli(['runs', 'list'], env, { columns: 70 });
      expect(narrow.stdout).toContain(runId);
      expect(narrow.stdout).toContain('…');
      for (const line of narrow.stdout.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(Math.max(70, runId.length + 40));
      const wide = await switchboardCli(['runs', 'list'], env, { columns: 300 });
      expect(wide.stdout).not.toContain('…');
    });

    it('have headers with spaces, and show times in the business time zone (UTC with --utc)', async () => {
      const local = await switchboardCli(['runs', 'list'], env, { columns: 300 });
      expect(local.stdout).toMatch(/RUN ID\s+STATUS\s+TRIGGER\s+STARTED AT\s+WHAT HAPPENED/);
      expect(local.stdout).toContain('2026-11-22 20:00:00 PT');
      const utc = await switchboardCli(['--utc', 'runs', 'list'], env, { columns: 300 });
      expect(utc.stdout).toContain('2026-11-23 04:00:00 UTC');
    });
  });

  describe('options and names', () => {
    it.each([
      [['runs', 'list', '--limit', '0'], 'switchboard: --limit "0" is not a whole number of 1 or more.'],
      [['runs', 'list', '--limit', 'many'], 'switchboard: --limit "many" is not a whole number of 1 or more.'],
      [['runs', 'list', '--since', 'yesterday'], 'switchboard: --since "yesterday" is not a duration like 30m, 2h or 3d.'],
      [['simulate', 'slack-message', '--retries', '-1'], 'switchboard: --retries "-1" is not a whole number of 0 or more.'],
      [['deliveries', 'list', '--limit', '2.5'], 'switchboard: --limit "2.5" is not a whole number of 1 or more.'],
      [['simulate', 'unthread-update', '--retries', 'x'], 'switchboard: --retries "x" is not a whole number of 0 or more.'],
      [['simulate', 'unthread-update', '--status', 'done'], 'switchboard: --status "done" is not an Unthread conversation status; use one of open, in_progress, on_hold, closed.'],
      [['simulate', 'sms-status', '--error-code', 'oops'], 'switchboard: --error-code "oops" is not a Twilio error code (five digits, like 30003).'],
      [['simulate', 'sms-reply', '--from', '555-0101'], 'switchboard: --from "555-0101" is not a phone number in E.164 form, like +15555550101.'],
      [['runs', 'list', '--cursor', 'garbage'], 'switchboard: --cursor "garbage" is not a cursor; pass the nextCursor of the previous `runs list --json` page as it is.'],
    ])('validates every numeric option: %j', async (args, message) => {
      const result = await switchboardCli(args, env);
      expect(result.code).toBe(1);
      expect(result.stderr.split('\n')[0]).toBe(message);
    });

    it('checks every numeric option of every command when it is parsed, so none can send nothing and exit 0', () => {
      const numeric: string[] = [];
      const visit = (command: Command, path: string[]) => {
        for (const option of command.options) {
          if (!/<(n|number|port|phone)>/.test(option.flags)) continue;
          numeric.push(`${path.join(' ')} ${option.long ?? option.flags}`);
          for (const bad of ['x', '-1', '1.5', '']) {
            expect(() => option.parseArg?.(bad, undefined), `${path.join(' ')} ${option.flags} ${JSON.stringify(bad)}`).toThrow();
          }
        }
        for (const child of command.commands) visit(child, [...path, child.name()]);
      };
      visit(createProgram({ stdout: () => undefined, stderr: () => undefined, env: {} }), []);
      expect(numeric.length).toBeGreaterThan(15);
      expect(numeric).toContain('simulate unthread-update --retries');
    });

    it('pages through runs with the nextCursor of --json, and refuses --cursor with --follow', async () => {
      const first = JSON.parse((await switchboardCli(['--json', 'runs', 'list', '--limit', '1'], env)).stdout) as { runs: { runId: string }[]; nextCursor: string };
      expect(first.runs).toHaveLength(1);
      const all = JSON.parse((await switchboardCli(['--json', 'runs', 'list'], env)).stdout) as { runs: { runId: string }[]; nextCursor: null };
      expect(all.runs.length).toBeGreaterThan(1);
      expect(all.nextCursor).toBeNull();
      const second = JSON.parse((await switchboardCli(['--json', 'runs', 'list', '--limit', '1', '--cursor', first.nextCursor], env)).stdout) as { runs: { runId: string }[] };
      expect(second.runs.map((run) => run.runId)).toEqual([all.runs[1]!.runId]);
      const both = await switchboardCli(['runs', 'list', '--follow', '--cursor', first.nextCursor], env);
      expect(both.code).toBe(1);
      expect(both.stderr).toBe('switchboard: --cursor pages back through older runs and --follow waits for new ones: use one of them\n');
    });

    it('refuses an unknown automation or status, listing the known ones', async () => {
      const automation = await switchboardCli(['runs', 'list', '--automation', 'after-hour'], env);
      expect(automation.code).toBe(1);
      expect(automation.stderr).toContain('--automation "after-hour" is not an automation; use one of after-hours, paging,');
      const status = await switchboardCli(['runs', 'list', '--status', 'sideways'], env);
      expect(status.stderr).toContain('--status "sideways" is not a run status; use one of succeeded, filtered, failed, waiting.');
    });

    it('refuses an unknown customer, naming the customers', async () => {
      const result = await switchboardCli(['runs', 'list', '--customer', 'Nobody Inc'], env);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('no designated channel is for a customer named "Nobody Inc"; the customers are Acme Corp');
    });

    it('says when filters match nothing, rather than printing an empty table', async () => {
      const result = await switchboardCli(['runs', 'list', '--automation', 'paging'], env);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('No runs match --automation paging; `switchboard runs list` shows all of them.\n');
      const channel = await switchboardCli(['runs', 'list', '--channel', 'C0ELSEWHERE'], env);
      expect(channel.stdout).toContain('No runs match --channel C0ELSEWHERE');
    });

    it('filters by customer: the runs in their designated channels', async () => {
      const result = await switchboardCli(['--json', 'runs', 'list', '--customer', 'acme corp'], env);
      const runs = (JSON.parse(result.stdout) as { runs: { runId: string }[] }).runs.map((run) => run.runId);
      expect(runs).toContain(runId);
    });

    it('reads --at without an offset in the business time zone, and says so', async () => {
      const result = await switchboardCli(['simulate', 'slack-message', '--at', '2026-11-22T21:15', '--no-wait'], env);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('--at 2026-11-22T21:15 is read in the business time zone: 2026-11-22 21:15:00 PT (2026-11-23T05:15:00.000Z).');
      const bad = await switchboardCli(['simulate', 'slack-message', '--at', 'tonight'], env);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('--at "tonight" is not an ISO-8601 instant');
    });
  });

  describe('the program', () => {
    it('prints its version', async () => {
      const result = await switchboardCli(['--version'], env);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`${SWITCHBOARD_VERSION}\n`);
    });

    it('puts errors under --json as one JSON object on stderr, and nothing on stdout', async () => {
      const missing = await switchboardCli(['--json', 'runs', 'show', 'after-hours:nope'], env);
      expect(missing.code).toBe(1);
      expect(missing.stdout).toBe('');
      expect(JSON.parse(missing.stderr)).toEqual({ error: 'no run after-hours:nope; `switchboard runs list` shows their ids', exitCode: 1 });
      const badOption = await switchboardCli(['--json', 'runs', 'list', '--limit', 'x'], env);
      expect(JSON.parse(badOption.stderr)).toEqual({ error: '--limit "x" is not a whole number of 1 or more.', exitCode: 1 });
    });

    it('gives every command, and every group of commands, a --help page with examples', () => {
      const leaves: string[] = [];
      const visit = (command: Command, path: string[]) => {
        leaves.push(path.join(' '));
        for (const child of command.commands) visit(child, [...path, child.name()]);
      };
      const program = createProgram({ stdout: () => undefined, stderr: () => undefined, env: {} });
      visit(program, []);
      expect(leaves.length).toBeGreaterThan(30);
      expect(leaves).toContain('simulate');
      const withoutExamples = leaves.filter((path) => {
        let help = '';
        const command = path.split(' ').filter((name) => name !== '').reduce<Command>((parent, name) => parent.commands.find((child) => child.name() === name) as Command, program);
        command.configureOutput({ writeOut: (text) => (help += text), writeErr: (text) => (help += text) });
        command.outputHelp();
        return !/Examples?:/.test(help);
      });
      expect(withoutExamples).toEqual([]);
    });

    it('says where it looked and what to do when no Switchboard answers, and sends nothing', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const { port } = closed.address() as AddressInfo;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const result = await switchboardCli(['simulate', 'slack-message', '--url', `http://127.0.0.1:${port}`], env);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(new RegExp(`^switchboard: no Switchboard answers at http://127\\.0\\.0\\.1:${port} \\(.+\\): start it with \`npm start\`, or send to yours with --url http://localhost:PORT\\n$`));
    });

    it('refuses an unknown command with a suggestion', async () => {
      const result = await switchboardCli(['runz'], env);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain("switchboard: unknown command 'runz'");
      expect(result.stderr).toContain('(Did you mean runs?)');
    });
  });

  describe('the configuration', () => {
    it('shows a version by name (config show v1), and refuses one that does not exist, naming those that do', async () => {
      const first = await switchboardCli(['config', 'show', 'v1'], env);
      expect(first.code).toBe(0);
      expect(first.stdout.split('\n')[0]).toMatch(/^# v1, applied 2026-11-22 20:00:00 PT from switchboard.config.example.yaml$/);
      const missing = await switchboardCli(['config', 'show', 'v99'], env);
      expect(missing.stderr).toBe('switchboard: there is no configuration v99; the versions are v1 to v1\n');
      const bad = await switchboardCli(['config', 'show', 'latest'], env);
      expect(bad.stderr).toBe('switchboard: "latest" is not a configuration version; write it like v3\n');
    });

    it('quotes times in its YAML, so that no reader takes 16:00 for a number', async () => {
      const shown = await switchboardCli(['config', 'show'], env);
      expect(shown.stdout).toContain('opens: "06:00"');
      expect(shown.stdout).toContain('closes: "16:00"');
    });

    it('says "nothing to apply" for a file that is the configuration in force, and records no version', async () => {
      const before = (await switchboard.platform.configs.current()).version;
      const result = await switchboardCli(['config', 'apply', 'switchboard.config.example.yaml'], env);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Nothing to apply: switchboard.config.example.yaml is configuration v${before}`);
      expect((await switchboard.platform.configs.current()).version).toBe(before);
      const diff = await switchboardCli(['config', 'diff', 'switchboard.config.example.yaml'], env);
      expect(diff.stdout).toContain('nothing to apply');
      expect(await readFile('switchboard.config.example.yaml', 'utf8')).toContain('opens: "06:00"');
    });
  });

  describe('runs list --follow', () => {
    it('prints the latest runs, then each new run as it finishes, one line each, until stopped', async () => {
      const stop = new AbortController();
      let stdout = '';
      let awaited: string | undefined;
      let sawNewRun: () => void = () => undefined;
      const newRunPrinted = new Promise<void>((resolve) => {
        sawNewRun = resolve;
      });
      const check = () => {
        if (awaited !== undefined && stdout.includes(awaited)) sawNewRun();
      };
      const following = main(['runs', 'list', '--follow', '--automation', 'after-hours'], {
        stdout: (text) => {
          stdout += text;
          check();
        },
        stderr: () => undefined,
        env,
        signal: stop.signal,
        isTerminal: true,
      });

      const sent = await switchboardCli(['--json', 'simulate', 'slack-message', '--text', 'Follow me', '--no-wait'], env);
      const eventId = (JSON.parse(sent.stdout) as { eventId: string }).eventId;
      await switchboard.drain();
      awaited = `after-hours:${eventId}`;
      check();
      await newRunPrinted;
      stop.abort();
      expect(await following).toBe(0);

      const lines = stdout.trimEnd().split('\n');
      expect(lines.filter((line) => line.includes(`${runId} `))).toHaveLength(1);
      expect(lines.filter((line) => line.includes(`after-hours:${eventId}`))).toHaveLength(1);
      // Coloured status on a terminal.
      expect(stdout).toContain('\u001b[32msucceeded');
    });
  });
});
