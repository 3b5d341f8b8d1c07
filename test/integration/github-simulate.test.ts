import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../infra/cli/main';
import { TEST_GITHUB_WEBHOOK_SECRET } from '../support/github-webhooks';
import { startLocalSwitchboard, type LocalSwitchboard } from '../support/local-switchboard';
import { ManualClock } from '../support/manual-clock';
import { switchboardCli } from '../support/switchboard-cli';

describe('switchboard simulate github-comment and github-label, against a running Switchboard with GitHub in dry-run', () => {
  let switchboard: LocalSwitchboard;
  let env: Record<string, string>;

  beforeAll(async () => {
    switchboard = await startLocalSwitchboard({ clock: new ManualClock('2026-11-25T10:00:00-08:00') });
    // The same environment as the runtime's, as when both read one .env file.
    env = { SWITCHBOARD_DATA_DIR: switchboard.dataDir, GITHUB_WEBHOOK_SECRET: TEST_GITHUB_WEBHOOK_SECRET };
  });
  afterAll(async () => {
    await switchboard.dispose();
  });

  const cli = (args: string[]) => switchboardCli(args, env);

  async function githubOutbox() {
    await switchboard.drain();
    return switchboard.platform.outbox.list({ provider: 'github', limit: 50 });
  }

  it('sends a signed community comment whose waiting label is removed (into the outbox), and shows the run', async () => {
    const result = await cli(['simulate', 'github-comment', '--issue', '42', '--labels', '+more info please,bug']);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Sent issue_comment [\w-]+ \(a-community-member on example-org\/product#42\) to .*: HTTP 202/);
    expect(result.stdout).toMatch(/Run github-labels:[\w-]+: succeeded/);
    expect(result.stdout).toContain('done     remove "+more info please"');
    expect((await githubOutbox()).filter((entry) => entry.request['issue_number'] === 42).map((entry) => [entry.operation, entry.request['name']])).toEqual([
      ['issues/remove-label', '+more info please'],
    ]);
  });

  it('simulates a team member, a bot, a closed issue: each run filtered with its reason', async () => {
    const member = await cli(['simulate', 'github-comment', '--commenter', 'OctoCat']);
    const owner = await cli(['simulate', 'github-comment', '--association', 'owner']);
    const bot = await cli(['simulate', 'github-comment', '--commenter', 'renovate', '--bot']);
    const closed = await cli(['simulate', 'github-comment', '--state', 'closed']);

    expect(member.stdout).toContain('OctoCat is on the team');
    expect(owner.stdout).toContain('a-community-member is the team (OWNER of the repository)');
    expect(bot.stdout).toContain('renovate is a bot (type Bot)');
    expect(closed.stdout).toContain('example-org/product#1 is closed');
    for (const result of [member, owner, bot, closed]) expect(result.stdout).toMatch(/: filtered/);
  });

  it('redelivers with --retries, which GitHub deduplication turns into nothing', async () => {
    const result = await cli(['simulate', 'github-comment', '--issue', '43', '--retries', '1']);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Redelivery 1 of issue_comment .*: HTTP 202 \{"ok":true,"published":0\}/);
    expect((await githubOutbox()).filter((entry) => entry.request['issue_number'] === 43)).toHaveLength(1);
  });

  it('creates a codename label in the confidential repository, which is mirrored without the description', async () => {
    const result = await cli(['simulate', 'github-label', '--name', 'customer-red-kite', '--description', 'Hooli XYZ']);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Sent label created [\w-]+ \(customer-red-kite in example-org\/product-confidential\)/);
    expect(result.stdout).toContain('done     request the public copy');
    const created = (await githubOutbox()).filter((entry) => entry.operation === 'issues/create-label');
    expect(created.map((entry) => entry.request)).toEqual([
      expect.objectContaining({ owner: 'example-org', repo: 'product', name: 'customer-red-kite', color: '5319e7', description: 'Customer codename' }),
    ]);
  });

  it('renames and deletes in either repository', async () => {
    const renamed = await cli(['simulate', 'github-label', '--action', 'edited', '--name', 'customer-red-kite-2', '--previous-name', 'customer-red-kite']);
    const deleted = await cli(['simulate', 'github-label', '--action', 'deleted', '--name', 'customer-red-kite-2']);
    const inPublic = await cli(['simulate', 'github-label', '--repo', 'public', '--name', 'customer-red-kite-3']);

    expect(renamed.stdout).toContain('done     request the public copy');
    expect(deleted.stdout).toContain('done     tell the team the codename was deleted');
    expect(inPublic.stdout).toContain('a label of the public repository');
  });

  it('refuses bad options with a message, sending nothing', async () => {
    const results = [
      await cli(['simulate', 'github-comment', '--state', 'locked']),
      await cli(['simulate', 'github-comment', '--repo', 'not a repository']),
      await cli(['simulate', 'github-comment', '--issue', 'forty']),
      await cli(['simulate', 'github-label', '--action', 'renamed']),
      await cli(['simulate', 'github-label', '--color', 'purple']),
      await cli(['simulate', 'github-label', '--previous-name', 'x']),
    ];

    expect(results.map((result) => result.code)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(results.map((result) => result.stderr.split('\n')[0])).toEqual([
      'switchboard: --state "locked" is not an issue state; use one of open, closed.',
      'switchboard: --repo "not a repository" is not public, confidential, or a repository as owner/name',
      'switchboard: --issue "forty" is not a whole number of 1 or more.',
      'switchboard: --action "renamed" is not a label action; use one of created, edited, deleted.',
      'switchboard: --color must be six hex digits, like 5319e7',
      'switchboard: --previous-name goes with --action edited',
    ]);
  });
});

describe('the local webhook secret for GitHub', () => {
  it('is generated when unset, like the other inbound secrets, and simulate signs with it', async () => {
    const switchboard = await startLocalSwitchboard({ clock: new ManualClock('2026-11-25T10:00:00-08:00'), env: { GITHUB_WEBHOOK_SECRET: '' } });
    try {
      let stdout = '';
      const code = await main(['simulate', 'github-comment', '--no-wait'], { stdout: (text) => (stdout += text), stderr: () => undefined, env: { SWITCHBOARD_DATA_DIR: switchboard.dataDir } });

      expect(switchboard.generatedSecrets).toContain('GITHUB_WEBHOOK_SECRET');
      expect(switchboard.secrets.GITHUB_WEBHOOK_SECRET).toMatch(/^[0-9a-f]{64}$/);
      expect(code).toBe(0);
      expect(stdout).toMatch(/HTTP 202/);
    } finally {
      await switchboard.dispose();
    }
  });
});

describe('switchboard simulate github-issue: the investigation clock from the CLI, with GitHub in dry-run', () => {
  let switchboard: LocalSwitchboard;
  let env: Record<string, string>;

  beforeAll(async () => {
    // Wednesday 2026-11-25 10:00 PT: two business days later, past Thanksgiving and the weekend, is Monday 30 10:00.
    switchboard = await startLocalSwitchboard({ clock: new ManualClock('2026-11-25T10:00:00-08:00') });
    env = { SWITCHBOARD_DATA_DIR: switchboard.dataDir, GITHUB_WEBHOOK_SECRET: TEST_GITHUB_WEBHOOK_SECRET };
  });
  afterAll(async () => {
    await switchboard.dispose();
  });

  const cli = (args: string[]) => switchboardCli(args, env);
  const timersOf = async (number: number) => (await switchboard.timers.list()).filter((timer) => timer.subject === `example-org/product#${number}`);
  const githubCallsOn = async (number: number) => {
    await switchboard.drain();
    const entries = await switchboard.platform.outbox.list({ provider: 'github', limit: 50 });
    return entries
      .filter((entry) => entry.request['issue_number'] === number)
      .map((entry) => entry.operation)
      .sort();
  };

  it('starts the clock when the investigate label is added; when it comes due, the issue goes back to triage', async () => {
    const result = await cli(['simulate', 'github-issue', '--issue', '50']);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Sent issues labeled [\w-]+ \("~investigate" added to example-org\/product#50\) to .*: HTTP 202/);
    expect(result.stdout).toMatch(/Run github-labels:[\w-]+: waiting/);
    expect(result.stdout).toContain('waiting  start the investigation clock — checks example-org/product#50');
    expect((await timersOf(50)).map((timer) => timer.dueAt.toISOString())).toEqual([new Date('2026-11-30T10:00:00-08:00').toISOString()]);

    switchboard.clock.set('2026-11-30T10:00:00-08:00');
    await switchboard.tick();

    expect(await githubCallsOn(50)).toEqual(['issues/add-labels', 'issues/create-comment', 'issues/remove-label']);
  });

  it('stops the clock when the label is removed, or the issue closed; reopened with the label, a fresh clock starts', async () => {
    await cli(['simulate', 'github-issue', '--issue', '51']);
    const unlabeled = await cli(['simulate', 'github-issue', '--issue', '51', '--action', 'unlabeled']);
    await cli(['simulate', 'github-issue', '--issue', '52']);
    const closed = await cli(['simulate', 'github-issue', '--issue', '52', '--action', 'closed']);
    const closedTimers = await timersOf(52);
    const reopened = await cli(['simulate', 'github-issue', '--issue', '52', '--action', 'reopened']);

    expect(unlabeled.stdout).toMatch(/Sent issues unlabeled [\w-]+ \("~investigate" removed from example-org\/product#51\)/);
    expect(unlabeled.stdout).toContain('stopped the check of example-org/product#51: the label was removed');
    expect(await timersOf(51)).toEqual([]);
    expect(closed.stdout).toMatch(/Sent issues closed [\w-]+ \(closed: example-org\/product#52\)/);
    expect(closed.stdout).toContain('stopped the check of example-org/product#52: the issue was closed');
    expect(closedTimers).toEqual([]);
    expect(reopened.stdout).toContain('waiting  start the investigation clock — checks example-org/product#52');
    expect(await timersOf(52)).toHaveLength(1);
  });

  it('leaves another label alone, and redelivers with --retries, which deduplication turns into nothing', async () => {
    const other = await cli(['simulate', 'github-issue', '--issue', '53', '--label', 'bug']);
    const again = await cli(['simulate', 'github-issue', '--issue', '54', '--retries', '1']);

    expect(other.stdout).toContain('"bug" is not the investigate label "~investigate"');
    expect(other.stdout).toMatch(/: filtered/);
    expect(again.stdout).toMatch(/Redelivery 1 of issues labeled .*: HTTP 202 \{"ok":true,"published":0\}/);
    expect(await timersOf(54)).toHaveLength(1);
  });

  it('refuses bad options as they are parsed, with a message, sending nothing', async () => {
    const before = (await switchboard.platform.runs.list({ limit: 100 })).length;
    const results = [
      await cli(['simulate', 'github-issue', '--action', 'edited']),
      await cli(['simulate', 'github-issue', '--issue', '0']),
      await cli(['simulate', 'github-issue', '--repo', 'not a repository']),
      await cli(['simulate', 'github-issue', '--label', ' ']),
      await cli(['simulate', 'github-issue', '--sender', 'not a login']),
      await cli(['simulate', 'github-issue', '--retries', 'twice']),
    ];

    expect(results.map((result) => result.code)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(results.map((result) => result.stderr.split('\n')[0])).toEqual([
      'switchboard: --action "edited" is not an issues action; use one of labeled, unlabeled, closed, reopened.',
      'switchboard: --issue "0" is not a whole number of 1 or more.',
      'switchboard: --repo "not a repository" is not public, confidential, or a repository as owner/name',
      'switchboard: --label a label needs a name.',
      'switchboard: --sender "not a login" is not a GitHub login.',
      'switchboard: --retries "twice" is not a whole number of 0 or more.',
    ]);
    await switchboard.drain();
    expect(await switchboard.platform.runs.list({ limit: 100 })).toHaveLength(before);
  });

  it('explains itself in --help, with examples', async () => {
    const help = await cli(['simulate', 'github-issue', '--help']);

    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--action <action>');
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('switchboard simulate github-issue --issue 42 --action unlabeled');
  });
});
