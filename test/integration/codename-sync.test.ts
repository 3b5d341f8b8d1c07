import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { codenameSync } from '../../functions/codename-sync/automation';
import { main } from '../../infra/cli/main';
import { runAutomation } from '../../shared/automation/run-automation';
import { createEvent } from '../../shared/events/validate-event';
import { FakeGitHubApi } from '../support/fake-github-api';
import { FakeSalesforceApi, salesforceAnswers } from '../support/fake-salesforce-api';
import { FakeSlackApi } from '../support/fake-slack-api';
import { CONFIDENTIAL_REPO, deliverGitHubWebhook, labelPayload, PUBLIC_REPO, TEST_GITHUB_WEBHOOK_SECRET } from '../support/github-webhooks';
import { captureLogs, type LogCapture } from '../support/log-capture';
import { startLocalSwitchboard, type LocalSwitchboard } from '../support/local-switchboard';
import { ManualClock } from '../support/manual-clock';

const NOW = '2026-11-25T10:00:00-08:00';
const TOKEN = 'ghp_testtoken0123456789';
const INTERNAL_CHANNEL = 'C0SUPPORT01';

describe('codename-sync: a codename assigned in GitHub reaches its customer\'s Salesforce Account', () => {
  let github: FakeGitHubApi;
  let slack: FakeSlackApi;
  let salesforce: FakeSalesforceApi;
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
    slack.reset();
    github = await FakeGitHubApi.start({ token: TOKEN, repositories: [PUBLIC_REPO, CONFIDENTIAL_REPO] });
    salesforce = await FakeSalesforceApi.start();
    logs = captureLogs();
    switchboard = await startLocalSwitchboard({ clock: new ManualClock(NOW), github, slack, salesforce, env: { LOG_LEVEL: 'DEBUG' } });
    github.deliverWebhooks({ url: switchboard.url, secret: TEST_GITHUB_WEBHOOK_SECRET });
  });
  afterEach(async () => {
    await switchboard.dispose();
    logs.restore();
    await salesforce.close();
    await github.close();
  });

  /** A customer's name as distinctive as a real one, with the characters that break naive SOQL. */
  function customer(): string {
    sequence += 1;
    return `O'Brien & Sons\\ ${sequence}% Aero_space`;
  }

  async function settle() {
    for (let round = 0; round < 5; round += 1) {
      await switchboard.drain();
      await github.settled();
    }
    await switchboard.drain();
  }

  /** The handbook's ritual in GitHub: the label in the confidential repository, naming the customer; GitHub's webhook follows. */
  async function assignInGitHub(label: string, name: string) {
    github.seedLabel(CONFIDENTIAL_REPO, { name: label, color: '5319e7', description: name });
    const answer = await deliverGitHubWebhook(switchboard.url, 'label', labelPayload('created', { repo: CONFIDENTIAL_REPO, name: label, color: '5319e7', description: name }));
    expect(answer.status).toBe(202);
    await settle();
  }

  function assignedEvent(label: string, name: string, previousLabel?: string) {
    sequence += 1;
    return createEvent('codename.assigned', {
      eventId: `codename-assigned:test-${sequence}`,
      receivedAt: new Date(NOW).toISOString(),
      provider: 'switchboard',
      label,
      customerName: name,
      ...(previousLabel === undefined ? {} : { previousLabel }),
    });
  }

  async function syncRuns() {
    return switchboard.platform.runs.list({ automation: 'codename-sync', limit: 50 });
  }

  function expectNameNotLogged(name: string) {
    expect(logs.lines().length).toBeGreaterThan(0);
    expect(logs.raw().toLowerCase()).not.toContain(name.toLowerCase());
  }

  it("adds the codename to the Account's field, keeping the labels already there", async () => {
    const name = customer();
    const id = salesforce.seedAccount({ name, labels: 'prospect-old-owl;Renewal Q3' });
    salesforce.seedAccount({ name: `${name} Holdings` });

    await assignInGitHub('customer-blue-heron', name);

    expect(salesforce.labelsOf(id)).toBe('prospect-old-owl;Renewal Q3;customer-blue-heron');
    const [update] = salesforce.succeeded('sobject.update');
    expect(update).toMatchObject({ method: 'PATCH', path: `/services/data/v62.0/sobjects/Account/${id}`, body: { GitHub_label__c: 'prospect-old-owl;Renewal Q3;customer-blue-heron' } });
    expect(update?.headers['if-unmodified-since']).toEqual(expect.any(String));
    const [query] = salesforce.callsTo('query');
    expect(query?.soql).toContain('WHERE Name = ');
    expect(query?.status).toBe(200);
    const [run] = await syncRuns();
    expect(run?.status).toBe('succeeded');
    expect(run?.steps.at(-1)?.detail).toBe(`added customer-blue-heron on Account ${id}`);
    expect(JSON.stringify(run?.steps)).not.toContain(name);
    expectNameNotLogged(name);
  });

  it('updates the field once when the event is delivered three times', async () => {
    const name = customer();
    const id = salesforce.seedAccount({ name, labels: 'customer-green-owl' });
    const event = assignedEvent('customer-blue-heron', name);

    const runs = [];
    for (let delivery = 0; delivery < 3; delivery += 1) runs.push(await runAutomation(codenameSync, event, switchboard.platform));

    expect(salesforce.succeeded('sobject.update')).toHaveLength(1);
    expect(salesforce.labelsOf(id)).toBe('customer-green-owl;customer-blue-heron');
    expect(runs.map((run) => run.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(runs.map((run) => run.steps.at(-1)?.outcome)).toEqual(['done', 'skipped', 'skipped']);
    expect(runs.at(-1)?.attempts).toBe(3);
  });

  it('does not add a codename twice, in any letter case, and renames in place', async () => {
    const name = customer();
    const id = salesforce.seedAccount({ name, labels: 'Customer-Blue-Heron;other' });

    const again = await runAutomation(codenameSync, assignedEvent('customer-blue-heron', name), switchboard.platform);
    const renamed = await runAutomation(codenameSync, assignedEvent('customer-grey-heron', name, 'customer-blue-heron'), switchboard.platform);

    expect(again.steps.at(-1)?.detail).toBe(`customer-blue-heron was already there on Account ${id}`);
    expect(renamed.steps.at(-1)?.detail).toBe(`renamed customer-blue-heron to customer-grey-heron on Account ${id}`);
    expect(salesforce.labelsOf(id)).toBe('customer-grey-heron;other');
    expect(salesforce.succeeded('sobject.update')).toHaveLength(1);
  });

  it('keeps a label someone added in Salesforce while the sync was updating (the update is conditional)', async () => {
    const name = customer();
    const id = salesforce.seedAccount({ name, labels: 'customer-a' });
    // Between the sync's query and its update, someone adds a label in Salesforce.
    let edited = false;
    const event = assignedEvent('customer-blue-heron', name);
    switchboard.platform.salesforce = new Proxy(switchboard.platform.salesforce, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (property !== 'updateAccountLabels' || typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          if (!edited) {
            edited = true;
            salesforce.editAccount(id, 'customer-a;customer-b');
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });

    const run = await runAutomation(codenameSync, event, switchboard.platform);

    expect(run.status).toBe('succeeded');
    expect(salesforce.labelsOf(id)).toBe('customer-a;customer-b;customer-blue-heron');
    expect(salesforce.callsTo('sobject.update').map((call) => call.status)).toEqual([412, 204]);
  });

  it('renews an expired token once and the update succeeds', async () => {
    const name = customer();
    const id = salesforce.seedAccount({ name });
    await runAutomation(codenameSync, assignedEvent('customer-green-owl', name), switchboard.platform);
    salesforce.expireTokens();

    const run = await runAutomation(codenameSync, assignedEvent('customer-blue-heron', name), switchboard.platform);

    expect(run.status).toBe('succeeded');
    expect(salesforce.callsTo('token')).toHaveLength(2);
    expect(salesforce.labelsOf(id)).toBe('customer-green-owl;customer-blue-heron');
  });

  it('retries a Salesforce outage through the bus and updates once', async () => {
    const name = customer();
    const id = salesforce.seedAccount({ name });
    salesforce.script('query', ...Array.from({ length: 3 }, () => salesforceAnswers.serverUnavailable()));

    await assignInGitHub('customer-blue-heron', name);

    expect(salesforce.labelsOf(id)).toBe('customer-blue-heron');
    expect(salesforce.succeeded('sobject.update')).toHaveLength(1);
    const [run] = await syncRuns();
    expect(run).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('does not guess when no Account has the name: the run needs attention, and the team is told with similar Accounts and links', async () => {
    const name = 'Globex Aeronautics GmbH';
    const similar = salesforce.seedAccount({ name: 'Globex Aeronautics' });

    await assignInGitHub('customer-blue-heron', name);

    expect(salesforce.callsTo('sobject.update')).toEqual([]);
    const [run] = await syncRuns();
    expect(run?.status).toBe('failed');
    expect(run?.error).toMatchObject({ name: 'NeedsAttentionError', transient: false });
    expect(run?.steps.at(-1)).toMatchObject({ name: 'needs attention', outcome: 'failed' });
    expect(run?.steps.at(-1)?.detail).toContain("no Account for customer-blue-heron: the team was told in C0SUPPORT01; add customer-blue-heron to the right Account's GitHub_label__c by hand");
    const posts = slack.callsTo('chat.postMessage').filter((call) => call.args['channel'] === INTERNAL_CHANNEL && String(call.args['text']).includes('Salesforce'));
    expect(posts).toHaveLength(1);
    const text = String(posts[0]?.args['text']);
    expect(text).toContain('no Account is named exactly *Globex Aeronautics GmbH*');
    expect(text).toContain(`<${salesforce.url}/lightning/r/Account/${similar}/view|Globex Aeronautics> (${similar})`);
    expect(text).toContain(`switchboard runs replay ${run?.runId}`);
    let listed = '';
    await main(['runs', 'list', '--status', 'failed'], { stdout: (text) => (listed += text), stderr: () => undefined, env: { SWITCHBOARD_DATA_DIR: switchboard.dataDir } });
    expect(listed).toContain('needs attention: no Account for customer-blue-heron');
    const like = salesforce.callsTo('query').find((call) => call.soql?.includes(' LIKE '));
    expect(like?.soql).toContain("Name LIKE '%Aeronautics%'");
    expectNameNotLogged(name);
  });

  it('does not guess between several Accounts of that name: it lists them, with links, and changes none', async () => {
    const name = customer();
    const first = salesforce.seedAccount({ name });
    const second = salesforce.seedAccount({ name: name.toUpperCase() });

    await assignInGitHub('customer-blue-heron', name);

    expect(salesforce.callsTo('sobject.update')).toEqual([]);
    const [run] = await syncRuns();
    expect(run?.status).toBe('failed');
    expect(run?.steps.find((step) => step.name === 'find the Account')?.detail).toBe(`2 Accounts are named as the customer of customer-blue-heron: ${first}, ${second}`);
    const text = String(slack.callsTo('chat.postMessage').find((call) => String(call.args['text']).includes('Switchboard does not guess'))?.args['text']);
    expect(text).toContain(`${salesforce.url}/lightning/r/Account/${first}/view`);
    expect(text).toContain(`${salesforce.url}/lightning/r/Account/${second}/view`);
    expect(text).toContain('2 Accounts are named');
    expectNameNotLogged(name);
  });

  it('tells the team once when the event is delivered again', async () => {
    const event = assignedEvent('customer-blue-heron', 'Nobody Of That Name');

    await runAutomation(codenameSync, event, switchboard.platform);
    await runAutomation(codenameSync, event, switchboard.platform);

    expect(slack.callsTo('chat.postMessage').filter((call) => String(call.args['text']).includes('customer-blue-heron'))).toHaveLength(1);
  });

  it("leaves to a person an Account whose name does not fit a GitHub label description, creating nothing", async () => {
    const event = createEvent('salesforce.account.changed', {
      eventId: '04l5e000009LONGAAG',
      receivedAt: new Date(NOW).toISOString(),
      provider: 'salesforce',
      organizationId: '00D5e000000SBTESTA',
      accountId: '0015e00000LONG1AAA',
      accountName: `${'Very Long Customer Name '.repeat(5)}Inc.`,
      fields: { GitHub_label__c: 'customer-long-name' },
    });

    const run = await runAutomation(codenameSync, event, switchboard.platform);

    expect(run.status).toBe('filtered');
    expect(run.steps.at(-1)?.detail).toBe('the name of Account 0015e00000LONG1AAA is longer than the 100 characters GitHub allows in a label description: create the confidential labels by hand');
    expect(github.callsTo('issues/create-label')).toEqual([]);
  });
});
