import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../infra/cli/main';
import { FakeGitHubApi } from '../support/fake-github-api';
import { FakeSalesforceApi } from '../support/fake-salesforce-api';
import { FakeSlackApi } from '../support/fake-slack-api';
import { CONFIDENTIAL_REPO, PUBLIC_REPO } from '../support/github-webhooks';
import { captureLogs, type LogCapture } from '../support/log-capture';
import { startLocalSwitchboard, TEST_SALESFORCE_ORG_ID, TEST_SALESFORCE_OUTBOUND_TOKEN, type LocalSwitchboard } from '../support/local-switchboard';
import { ManualClock } from '../support/manual-clock';

const NOW = '2026-11-25T10:00:00-08:00';
const TOKEN = 'ghp_testtoken0123456789';
const NEUTRAL = 'Customer codename';

interface DriftRecord {
  label: string;
  kind: string;
  description: string;
  accounts: string[];
}

describe('codename reconciliation: both repositories against the Accounts of Salesforce', () => {
  let github: FakeGitHubApi;
  let salesforce: FakeSalesforceApi;
  let slack: FakeSlackApi;
  let switchboard: LocalSwitchboard;
  let logs: LogCapture;
  let globex: string;
  let initech: string;

  beforeAll(async () => {
    slack = await FakeSlackApi.start();
  });
  afterAll(async () => {
    await slack.close();
  });
  beforeEach(async () => {
    slack.reset();
    github = await FakeGitHubApi.start({ token: TOKEN, repositories: [PUBLIC_REPO, CONFIDENTIAL_REPO] });
    salesforce = await FakeSalesforceApi.start();
    logs = captureLogs();
    switchboard = await startLocalSwitchboard({ clock: new ManualClock(NOW), github, slack, salesforce, options: { armDailyTimers: true } });
  });
  afterEach(async () => {
    await switchboard.dispose();
    logs.restore();
    await salesforce.close();
    await github.close();
  });

  /** Drift across both repositories and two Accounts, of every kind, some of it beyond repair. */
  function seedDrift() {
    globex = salesforce.seedAccount({ name: 'Globex Aeronautics', labels: 'customer-blue-heron' });
    initech = salesforce.seedAccount({ name: 'Initech', labels: 'customer-silver-fox;customer-red-kite;Renewal Q3' });
    // In agreement: in both repositories and on Globex.
    github.seedLabel(CONFIDENTIAL_REPO, { name: 'customer-blue-heron', color: '5319e7', description: 'Globex Aeronautics' });
    github.seedLabel(PUBLIC_REPO, { name: 'customer-blue-heron', color: '5319e7', description: NEUTRAL });
    // The public copy is missing, and it is on no Account (its description names Globex).
    github.seedLabel(CONFIDENTIAL_REPO, { name: 'customer-green-owl', color: '0e8a16', description: 'Globex Aeronautics' });
    // Only public, and on Initech.
    github.seedLabel(PUBLIC_REPO, { name: 'customer-silver-fox', color: 'fbca04', description: NEUTRAL });
    // A public description that names the customer, and no Account of that name.
    github.seedLabel(CONFIDENTIAL_REPO, { name: 'customer-old-elm', color: 'c5def5', description: 'Umbrella Corp' });
    github.seedLabel(PUBLIC_REPO, { name: 'customer-old-elm', color: 'c5def5', description: 'Umbrella Corp' });
    // Only public, on no Account: whose it is cannot be known.
    github.seedLabel(PUBLIC_REPO, { name: 'prospect-lost-lynx', color: 'ededed', description: NEUTRAL });
    // Not codenames: ignored.
    github.seedLabel(PUBLIC_REPO, { name: 'bug', color: 'd73a4a', description: null });
  }

  async function cli(args: string[]) {
    let stdout = '';
    let stderr = '';
    const env = {
      SWITCHBOARD_DATA_DIR: switchboard.dataDir,
      GITHUB_TOKEN: TOKEN,
      GITHUB_API_URL: github.url,
      SALESFORCE_ORG_ID: TEST_SALESFORCE_ORG_ID,
      SALESFORCE_OUTBOUND_TOKEN: TEST_SALESFORCE_OUTBOUND_TOKEN,
      ...salesforce.env(),
    };
    const code = await main(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env });
    return { code, stdout, stderr };
  }

  const writes = () => [
    ...github.calls.filter((call) => call.method !== 'GET').map((call) => `${call.method} ${call.path}`),
    ...salesforce.callsTo('sobject.update').map((call) => `PATCH ${call.path}`),
  ];

  it('reports exactly the differences, by codename and kind, changing nothing', async () => {
    seedDrift();

    const result = await cli(['--json', 'codenames', 'reconcile']);

    expect(result).toMatchObject({ code: 0, stderr: '' });
    const { drift } = JSON.parse(result.stdout) as { drift: DriftRecord[] };
    expect(drift.map((difference) => [difference.label, difference.kind])).toEqual([
      ['customer-green-owl', 'missing-in-public'],
      ['customer-green-owl', 'label-without-account'],
      ['customer-old-elm', 'label-without-account'],
      ['customer-old-elm', 'public-description-not-neutral'],
      ['customer-red-kite', 'field-without-label'],
      ['customer-silver-fox', 'missing-in-confidential'],
      ['prospect-lost-lynx', 'label-without-account'],
    ]);
    expect(drift.find((difference) => difference.kind === 'field-without-label')).toEqual({
      label: 'customer-red-kite',
      kind: 'field-without-label',
      description: `on Account ${initech} (GitHub_label__c), in neither repository`,
      accounts: [initech],
    });
    expect(writes()).toEqual([]);
    expect(result.stdout).not.toMatch(/Globex|Initech|Umbrella/);
  });

  it('repairs what can be repaired with --fix, lists the rest, and a second --fix changes nothing', async () => {
    seedDrift();

    const first = await cli(['--json', 'codenames', 'reconcile', '--fix']);
    const afterFirst = writes();
    const second = await cli(['--json', 'codenames', 'reconcile', '--fix']);

    expect(first).toMatchObject({ code: 0, stderr: '' });
    const fixed = JSON.parse(first.stdout) as { repairs: (DriftRecord & { outcome: string; detail: string })[]; remaining: DriftRecord[] };
    expect(fixed.repairs.map((repair) => [repair.label, repair.kind, repair.outcome])).toEqual([
      ['customer-green-owl', 'missing-in-public', 'fixed'],
      ['customer-green-owl', 'label-without-account', 'fixed'],
      ['customer-old-elm', 'label-without-account', 'left'],
      ['customer-old-elm', 'public-description-not-neutral', 'fixed'],
      ['customer-red-kite', 'field-without-label', 'fixed'],
      ['customer-silver-fox', 'missing-in-confidential', 'fixed'],
      ['prospect-lost-lynx', 'label-without-account', 'left'],
    ]);
    expect(fixed.remaining.map((difference) => [difference.label, difference.kind])).toEqual([
      ['customer-old-elm', 'label-without-account'],
      ['prospect-lost-lynx', 'label-without-account'],
    ]);
    expect(github.labels(PUBLIC_REPO)).toEqual(
      expect.arrayContaining([
        { name: 'customer-green-owl', color: '0e8a16', description: NEUTRAL },
        { name: 'customer-old-elm', color: 'c5def5', description: NEUTRAL },
        { name: 'customer-red-kite', color: 'd4c5f9', description: NEUTRAL },
      ]),
    );
    expect(github.labels(CONFIDENTIAL_REPO)).toEqual(
      expect.arrayContaining([
        { name: 'customer-silver-fox', color: 'fbca04', description: 'Initech' },
        { name: 'customer-red-kite', color: 'd4c5f9', description: 'Initech' },
      ]),
    );
    expect(salesforce.labelsOf(globex)).toBe('customer-blue-heron;customer-green-owl');
    expect(salesforce.labelsOf(initech)).toBe('customer-silver-fox;customer-red-kite;Renewal Q3');
    for (const call of github.callsFor(PUBLIC_REPO)) expect(call.raw).not.toMatch(/Globex|Initech/);

    expect(second).toMatchObject({ code: 0, stderr: '' });
    const again = JSON.parse(second.stdout) as { repairs: { outcome: string }[]; remaining: DriftRecord[] };
    expect(again.repairs.map((repair) => repair.outcome)).toEqual(['left', 'left']);
    expect(again.remaining).toEqual(fixed.remaining);
    expect(writes()).toEqual(afterFirst);
  });

  it('says what it did, readably, without a customer\'s name', async () => {
    seedDrift();

    const result = await cli(['codenames', 'reconcile', '--fix']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`fixed  customer-silver-fox`);
    expect(result.stdout).toContain('confidential label created, naming Account');
    expect(result.stdout).toContain('left   prospect-lost-lynx');
    expect(result.stdout).toContain('it is only in the public repository: its customer is unknown');
    expect(result.stdout).toContain('2 differences left for a person (above).');
    expect(result.stdout).not.toMatch(/Globex|Initech|Umbrella/);
  });

  it('posts the drift report to the internal channel once a day, only when there is drift', async () => {
    seedDrift();

    switchboard.clock.set('2026-11-26T07:00:00-08:00');
    await switchboard.tick();
    await switchboard.drain();
    switchboard.clock.set('2026-11-26T07:30:00-08:00');
    await switchboard.tick();
    await switchboard.drain();

    const reports = slack.callsTo('chat.postMessage').filter((call) => String(call.args['text']).includes('Codename drift'));
    expect(reports).toHaveLength(1);
    expect(reports[0]?.args['channel']).toBe('C0SUPPORT01');
    const text = String(reports[0]?.args['text']);
    expect(text).toContain('7 differences');
    expect(text).toContain('• `customer-red-kite` on Account');
    expect(text).toContain('switchboard codenames reconcile --fix');
    expect(text).not.toMatch(/Globex|Initech|Umbrella/);
    expect(writes()).toEqual([]);
    expect((await switchboard.platform.timers.list()).map((timer) => timer.id)).toContain('codename-sync:daily-reconciliation:2026-11-27');
  });

  it('posts nothing when both repositories and Salesforce agree', async () => {
    salesforce.seedAccount({ name: 'Globex Aeronautics', labels: 'customer-blue-heron' });
    github.seedLabel(CONFIDENTIAL_REPO, { name: 'customer-blue-heron', color: '5319e7', description: 'Globex Aeronautics' });
    github.seedLabel(PUBLIC_REPO, { name: 'customer-blue-heron', color: '5319e7', description: NEUTRAL });

    switchboard.clock.set('2026-11-26T07:00:00-08:00');
    await switchboard.tick();
    await switchboard.drain();

    expect(slack.callsTo('chat.postMessage')).toEqual([]);
    const [run] = await switchboard.platform.runs.list({ automation: 'codename-sync', limit: 5 });
    expect(run).toMatchObject({ status: 'filtered' });
    expect(run?.steps.at(-1)).toMatchObject({ name: 'drift found', outcome: 'filtered', detail: 'no drift: nothing to report' });
  });

  describe('simulate salesforce-change', () => {
    it("sends an outbound message with the org id and token, and the Account's codenames reach both repositories", async () => {
      const result = await cli(['simulate', 'salesforce-change', '--account', 'Initech', '--labels', 'customer-silver-fox']);

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Sent outbound message 04l\w{15} \(Account 001\w{15}, GitHub_label__c: customer-silver-fox\) to .*\/webhooks\/salesforce: HTTP 200, Ack true/);
      expect(result.stdout).toMatch(/Run codename-sync:04l\w{15}: succeeded/);
      expect(github.labels(CONFIDENTIAL_REPO)).toEqual([{ name: 'customer-silver-fox', color: 'd4c5f9', description: 'Initech' }]);
    });

    it('a redelivery of the same notification is acked and does nothing more', async () => {
      const result = await cli(['--json', 'simulate', 'salesforce-change', '--account', 'Initech', '--labels', 'customer-silver-fox', '--retries', '2']);
      await switchboard.drain();

      expect(result.code).toBe(0);
      const { runs } = JSON.parse(result.stdout) as { runs: { attempts: number }[] };
      expect(runs).toHaveLength(1);
      expect(runs[0]?.attempts).toBe(1);
      expect(github.succeeded('issues/create-label').filter((call) => call.path === `/repos/${CONFIDENTIAL_REPO}/labels`)).toHaveLength(1);
    });
  });
});
