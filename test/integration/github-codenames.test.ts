import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { automations } from '../../functions/registry';
import { main } from '../../infra/cli/main';
import { defineAutomation } from '../../shared/automation/automation';
import type { EventOf } from '../../shared/events/catalogue';
import { FakeGitHubApi, githubAnswers } from '../support/fake-github-api';
import { FakeSlackApi } from '../support/fake-slack-api';
import { CONFIDENTIAL_REPO, deliverGitHubWebhook, labelPayload, PUBLIC_REPO, TEST_GITHUB_WEBHOOK_SECRET } from '../support/github-webhooks';
import { captureLogs, type LogCapture } from '../support/log-capture';
import { startLocalSwitchboard, type LocalSwitchboard } from '../support/local-switchboard';
import { ManualClock } from '../support/manual-clock';
import { switchboardCli } from '../support/switchboard-cli';

const NOW = '2026-11-25T10:00:00-08:00';
const TOKEN = 'ghp_testtoken0123456789';
const INTERNAL_CHANNEL = 'C0SUPPORT01';

/** Every `codename.assigned` published, as the Salesforce sync will receive it. */
const assigned: EventOf<'codename.assigned'>['detail'][] = [];
const salesforceSyncProbe = defineAutomation({
  name: 'codename-probe',
  description: 'stands in for the Salesforce sync: records codename.assigned',
  subscriptions: [{ detailType: 'codename.assigned' }],
  async handle(event) {
    if (event.detailType === 'codename.assigned') assigned.push(event.detail);
  },
});

describe("customer codename labels: mirrored to the public repository, the customer's name never", () => {
  let github: FakeGitHubApi;
  let slack: FakeSlackApi;
  let switchboard: LocalSwitchboard;
  let logs: LogCapture;
  let sequence = 0;

  beforeAll(async () => {
    slack = await FakeSlackApi.start();
  });
  afterAll(async () => {
    await slack.close();
  });
  beforeEach(async () => {
    assigned.length = 0;
    slack.reset();
    github = await FakeGitHubApi.start({ token: TOKEN, repositories: [PUBLIC_REPO, CONFIDENTIAL_REPO] });
    // Everything at every level is logged and captured: the scan below reads all of it.
    logs = captureLogs();
    switchboard = await startLocalSwitchboard({ clock: new ManualClock(NOW), github, slack, env: { LOG_LEVEL: 'DEBUG' }, options: { automations: [...automations, salesforceSyncProbe] } });
    github.deliverWebhooks({ url: switchboard.url, secret: TEST_GITHUB_WEBHOOK_SECRET });
  });
  afterEach(async () => {
    await switchboard.dispose();
    logs.restore();
    await github.close();
  });

  /** A customer's name as distinctive as a real one, and unique to the test. */
  function customer(): string {
    sequence += 1;
    return `Globex Aeronautics ${sequence} GmbH`;
  }

  /** What a person does in GitHub's UI: the label appears in the confidential repository, and GitHub's webhook follows. */
  async function createdInConfidential(name: string, description: string | null, color = '5319e7') {
    github.seedLabel(CONFIDENTIAL_REPO, { name, color, description });
    const answer = await deliverGitHubWebhook(switchboard.url, 'label', labelPayload('created', { repo: CONFIDENTIAL_REPO, name, color, description }));
    expect(answer.status).toBe(202);
    await settle();
    return answer;
  }

  /** Waits until every webhook the fake GitHub sent and every run they caused have ended. */
  async function settle() {
    for (let round = 0; round < 5; round += 1) {
      await switchboard.drain();
      await github.settled();
    }
    await switchboard.drain();
  }

  /**
   * The customer's name is nowhere it must not be: in any request the public repository received (path,
   * query, headers, body), in any log line, in any run whose record names the public repository, in any error.
   */
  async function expectNameNowhere(name: string) {
    const lower = name.toLowerCase();
    const publicCalls = github.callsFor(PUBLIC_REPO);
    expect(publicCalls.length, 'the public repository was reached').toBeGreaterThan(0);
    for (const call of publicCalls) expect(call.raw.toLowerCase(), `${call.method} ${call.path}`).not.toContain(lower);
    expect(logs.lines().length, 'something was logged').toBeGreaterThan(0);
    expect(logs.raw().toLowerCase()).not.toContain(lower);
    const runs = await switchboard.platform.runs.list({ limit: 200 });
    // "example-org/product", not as the start of "example-org/product-confidential".
    const namesPublic = new RegExp(`${PUBLIC_REPO.replace('/', '\\/')}(?![\\w.-])`);
    const publicRuns = runs.filter((run) => namesPublic.test(JSON.stringify(run)));
    expect(publicRuns.length, 'a run names the public repository').toBeGreaterThan(0);
    for (const run of publicRuns) expect(JSON.stringify(run).toLowerCase(), run.runId).not.toContain(lower);
    for (const run of runs) expect(JSON.stringify(run.error ?? {}).toLowerCase()).not.toContain(lower);
    expect(github.refusedDeliveries).toEqual([]);
  }

  it('copies a codename created in the confidential repository with the same name and colour and a neutral description, and announces it', async () => {
    const name = customer();

    await createdInConfidential('customer-blue-heron', name, '5319e7');

    expect(github.labels(PUBLIC_REPO)).toEqual([{ name: 'customer-blue-heron', color: '5319e7', description: 'Customer codename' }]);
    expect(assigned).toEqual([expect.objectContaining({ label: 'customer-blue-heron', customerName: name, provider: 'switchboard' })]);
    await expectNameNowhere(name);
  });

  it('renames the public copy when the confidential label is renamed, and announces the new name', async () => {
    const name = customer();
    await createdInConfidential('customer-blue-heron', name);
    assigned.length = 0;

    github.script('issues/get-label'); // nothing scripted: GitHub answers as it is
    const renamed = labelPayload('edited', { repo: CONFIDENTIAL_REPO, name: 'customer-grey-heron', color: '5319e7', description: name, previousName: 'customer-blue-heron' });
    await deliverGitHubWebhook(switchboard.url, 'label', renamed);
    await settle();

    expect(github.labels(PUBLIC_REPO)).toEqual([{ name: 'customer-grey-heron', color: '5319e7', description: 'Customer codename' }]);
    expect(github.succeeded('issues/update-label').filter((call) => call.path.startsWith(`/repos/${PUBLIC_REPO}/`))[0]?.body).toEqual({ new_name: 'customer-grey-heron' });
    expect(assigned).toEqual([expect.objectContaining({ label: 'customer-grey-heron', previousLabel: 'customer-blue-heron', customerName: name })]);
    await expectNameNowhere(name);
  });

  it('follows a change of colour without announcing the codename again', async () => {
    const name = customer();
    await createdInConfidential('customer-blue-heron', name, '5319e7');
    assigned.length = 0;

    await deliverGitHubWebhook(switchboard.url, 'label', labelPayload('edited', { repo: CONFIDENTIAL_REPO, name: 'customer-blue-heron', color: '0e8a16', description: name }));
    await settle();

    expect(github.labels(PUBLIC_REPO)).toEqual([{ name: 'customer-blue-heron', color: '0e8a16', description: 'Customer codename' }]);
    expect(assigned).toEqual([]);
  });

  it('reports a deletion in the confidential repository to Slack, and leaves the public copy (issues may carry it)', async () => {
    const name = customer();
    await createdInConfidential('customer-blue-heron', name);

    await deliverGitHubWebhook(switchboard.url, 'label', labelPayload('deleted', { repo: CONFIDENTIAL_REPO, name: 'customer-blue-heron', description: name }));
    await settle();

    expect(github.labels(PUBLIC_REPO).map((label) => label.name)).toEqual(['customer-blue-heron']);
    expect(github.callsTo('issues/delete-label')).toEqual([]);
    const posts = slack.callsTo('chat.postMessage').filter((call) => call.args['channel'] === INTERNAL_CHANNEL);
    expect(posts).toHaveLength(1);
    expect(String(posts[0]?.args['text'])).toContain('`customer-blue-heron` was deleted in example-org/product-confidential');
    expect(String(posts[0]?.args['text']).toLowerCase()).not.toContain(name.toLowerCase());
    await expectNameNowhere(name);
  });

  it('leaves alone labels of the public repository, labels that are no codename, and codenames that name no customer', async () => {
    await deliverGitHubWebhook(switchboard.url, 'label', labelPayload('created', { repo: PUBLIC_REPO, name: 'customer-red-kite', description: 'Customer codename' }));
    await createdInConfidential('bug', 'Something is broken');
    await createdInConfidential('customer-no-name', '   ');
    await settle();

    expect(github.labels(PUBLIC_REPO)).toEqual([]);
    expect(assigned).toEqual([]);
    const reasons = (await switchboard.platform.runs.list({ automation: 'github-labels', limit: 10 })).map((run) => run.steps.find((step) => step.outcome === 'filtered')?.detail);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'a label of the public repository: codenames are mirrored from the confidential one only',
        '"bug" does not match ^(customer|prospect)-[a-z0-9-]+$',
        'the description of customer-no-name is empty',
      ]),
    );
  });

  it('creates the public copy once for a redelivered webhook', async () => {
    const name = customer();
    const first = await createdInConfidential('customer-blue-heron', name);

    await deliverGitHubWebhook(switchboard.url, 'label', labelPayload('created', { repo: CONFIDENTIAL_REPO, name: 'customer-blue-heron', description: name }), { deliveryId: first.deliveryId });
    await settle();

    expect(github.succeeded('issues/create-label').filter((call) => call.path === `/repos/${PUBLIC_REPO}/labels`)).toHaveLength(1);
    expect(assigned).toHaveLength(1);
  });

  it('creates the public copy once when GitHub fails past the client retries, and no error carries the name', async () => {
    const name = customer();
    github.script('issues/create-label', ...Array.from({ length: 4 }, () => githubAnswers.serverError(500)));

    await createdInConfidential('customer-blue-heron', name);

    expect(github.labels(PUBLIC_REPO)).toEqual([{ name: 'customer-blue-heron', color: '5319e7', description: 'Customer codename' }]);
    expect(github.succeeded('issues/create-label')).toHaveLength(1);
    expect((await switchboard.platform.runs.list({ automation: 'github-labels', status: 'succeeded', limit: 10 })).some((run) => run.attempts === 2)).toBe(true);
    await expectNameNowhere(name);
  });

  describe('switchboard codenames assign', () => {
    const cli = (args: string[]) => switchboardCli(args, { SWITCHBOARD_DATA_DIR: switchboard.dataDir, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: github.url });

    it("creates the confidential label with the customer's name, which the automation mirrors and announces", async () => {
      const name = customer();

      const result = await cli(['codenames', 'assign', 'customer-silver-fox', '--customer', name, '--no-wait']);
      await settle();

      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain('Created customer-silver-fox in example-org/product-confidential.');
      expect(result.stdout.toLowerCase()).not.toContain(name.toLowerCase());
      expect(github.labels(CONFIDENTIAL_REPO)).toEqual([{ name: 'customer-silver-fox', color: 'd4c5f9', description: name }]);
      expect(github.labels(PUBLIC_REPO)).toEqual([{ name: 'customer-silver-fox', color: 'd4c5f9', description: 'Customer codename' }]);
      expect(assigned).toEqual([expect.objectContaining({ label: 'customer-silver-fox', customerName: name })]);
      await expectNameNowhere(name);
    });

    it('refuses a codename already used in either repository, and one that does not match the pattern, creating nothing', async () => {
      const name = customer();
      github.seedLabel(PUBLIC_REPO, { name: 'customer-used-publicly', color: 'ededed', description: 'Customer codename' });
      github.seedLabel(CONFIDENTIAL_REPO, { name: 'Customer-Used-Confidentially', color: 'ededed', description: 'Someone Else' });

      const results = [
        await cli(['codenames', 'assign', 'customer-used-publicly', '--customer', name]),
        await cli(['codenames', 'assign', 'customer-used-confidentially', '--customer', name]),
        await cli(['codenames', 'assign', 'Globex', '--customer', name]),
      ];

      expect(results.map((result) => result.code)).toEqual([1, 1, 1]);
      expect(results[0]?.stderr).toContain('"customer-used-publicly" is already a label in example-org/product: pick another codename');
      expect(results[1]?.stderr).toContain('"Customer-Used-Confidentially" is already a label in example-org/product-confidential');
      expect(results[2]?.stderr).toContain('"Globex" does not match the codename pattern');
      for (const result of results) expect(`${result.stdout}${result.stderr}`.toLowerCase()).not.toContain(name.toLowerCase());
      expect(github.callsTo('issues/create-label')).toEqual([]);
    });

    it("says what GitHub answered when it refuses, without the customer's name", async () => {
      const name = customer();
      github.script('issues/create-label', githubAnswers.badCredentials());

      const result = await cli(['codenames', 'assign', 'customer-silver-fox', '--customer', name, '--no-wait']);

      expect(result.code).toBe(1);
      expect(result.stderr).toContain('GitHub did not create customer-silver-fox in example-org/product-confidential');
      expect(result.stderr).toContain('Bad credentials');
      expect(result.stderr.toLowerCase()).not.toContain(name.toLowerCase());
    });
  });
});

describe('switchboard codenames assign without GitHub credentials', () => {
  it('records the confidential label in the outbox (dry-run) and says how to see the automation at work', async () => {
    const switchboard = await startLocalSwitchboard({ clock: new ManualClock(NOW) });
    try {
      let stdout = '';
      const code = await main(['codenames', 'assign', 'prospect-k2', '--customer', 'Initech LLC'], {
        stdout: (text) => (stdout += text),
        stderr: () => undefined,
        env: { SWITCHBOARD_DATA_DIR: switchboard.dataDir },
      });

      expect(code).toBe(0);
      expect(stdout).toContain('Dry-run');
      expect(stdout).toContain('switchboard simulate github-label --repo confidential --name prospect-k2');
      const [entry] = await switchboard.platform.outbox.list({ provider: 'github' });
      expect(entry).toMatchObject({ operation: 'issues/create-label', request: { owner: 'example-org', repo: 'product-confidential', name: 'prospect-k2', color: 'd4c5f9', description: 'Initech LLC' } });
    } finally {
      await switchboard.dispose();
    }
  });
});
