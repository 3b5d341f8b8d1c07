import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InvestigationStore } from '../../functions/github-labels/investigation-store';
import { DEFAULT_INVESTIGATION_COMMENT } from '../../shared/config/config-schema';
import { expiresInDays } from '../../shared/store/table';
import { FakeGitHubApi, githubAnswers } from '../support/fake-github-api';
import { FakeSlackApi } from '../support/fake-slack-api';
import { deliverGitHubWebhook, issueLabelPayload, issueStatePayload, PUBLIC_REPO, TEST_GITHUB_WEBHOOK_SECRET } from '../support/github-webhooks';
import { startLocalSwitchboard, type LocalSwitchboard } from '../support/local-switchboard';
import { ManualClock } from '../support/manual-clock';

/** The day before Thanksgiving (Thursday 2026-11-26), mid-morning in Pacific time. */
const WEDNESDAY = '2026-11-25T10:00:00-08:00';
/** Two business days later: Friday 27 is one, the weekend is not, Monday 30 is the second. */
const MONDAY_DUE = '2026-11-30T10:00:00-08:00';
const INTERNAL_CHANNEL = 'C0SUPPORT01';
const INVESTIGATE = '~investigate';

describe('investigation aging, with a controlled clock, a fake GitHub and a fake Slack', () => {
  let github: FakeGitHubApi;
  let slack: FakeSlackApi;
  let clock: ManualClock;
  let switchboard: LocalSwitchboard;
  let issueNumber = 200;

  beforeAll(async () => {
    slack = await FakeSlackApi.start();
  });
  afterAll(async () => {
    await slack.close();
  });
  beforeEach(async () => {
    clock = new ManualClock(WEDNESDAY);
    github = await FakeGitHubApi.start({ token: 'ghp_testtoken0123456789', repositories: [PUBLIC_REPO], clock });
    slack.reset();
    switchboard = await startLocalSwitchboard({ clock, github, slack });
  });
  afterEach(async () => {
    await switchboard.dispose();
    await github.close();
  });

  function newIssue(): number {
    issueNumber += 1;
    github.seedIssue(PUBLIC_REPO, issueNumber, { labels: ['bug'] });
    return issueNumber;
  }

  /** GitHub's side of a label change: the issue changes, and the signed webhook arrives. */
  async function label(action: 'labeled' | 'unlabeled', number: number, name = INVESTIGATE, target: LocalSwitchboard = switchboard) {
    const labels = github.issueLabels(PUBLIC_REPO, number).filter((existing) => existing !== name);
    github.setIssue(PUBLIC_REPO, number, { labels: action === 'labeled' ? [...labels, name] : labels });
    const answer = await deliverGitHubWebhook(target.url, 'issues', issueLabelPayload(action, { number, labels: github.issueLabels(PUBLIC_REPO, number), label: name }));
    expect(answer.status).toBe(202);
    await target.drain();
    return answer;
  }

  async function close(number: number) {
    github.setIssue(PUBLIC_REPO, number, { state: 'closed' });
    await deliverGitHubWebhook(switchboard.url, 'issues', issueStatePayload('closed', { number, labels: github.issueLabels(PUBLIC_REPO, number) }));
    await switchboard.drain();
  }

  /** Moves the clock, fires what came due, and waits for what it caused. */
  async function at(instant: string, target: LocalSwitchboard = switchboard) {
    clock.set(instant);
    await target.tick();
    await target.drain();
  }

  const waitingRuns = async () => (await switchboard.platform.runs.list({ automation: 'github-labels', status: 'waiting' })).map((run) => run.runId);
  const changesTo = (number: number) =>
    github.calls.filter((call) => call.method !== 'GET' && call.params['issue_number'] === String(number) && call.answer.status < 300).map((call) => call.operation);
  const postsIn = (channel: string) => slack.callsTo('chat.postMessage').filter((call) => call.args['channel'] === channel);

  it('checks on the second business day after, at the same time of day, skipping Thanksgiving and the weekend', async () => {
    const number = newIssue();
    await label('labeled', number);

    const [timer] = await switchboard.timers.list();
    expect(timer?.dueAt.toISOString()).toBe(new Date(MONDAY_DUE).toISOString());
    await at('2026-11-27T15:59:59-08:00'); // Friday, the first business day after
    await at('2026-11-30T09:59:59-08:00'); // Monday, a second early
    expect(changesTo(number)).toEqual([]);

    await at(MONDAY_DUE);

    expect(changesTo(number)).toEqual(['issues/remove-label', 'issues/add-labels', 'issues/create-comment']);
    expect(github.issueLabels(PUBLIC_REPO, number)).toEqual(['bug', ':incoming', ':reproduce']);
    const [comment] = github.comments(PUBLIC_REPO, number);
    expect(comment?.body).toContain(DEFAULT_INVESTIGATION_COMMENT);
    const [notice] = postsIn(INTERNAL_CHANNEL);
    expect(postsIn(INTERNAL_CHANNEL)).toHaveLength(1);
    expect(String(notice?.args['text'])).toContain(`<https://github.com/${PUBLIC_REPO}/issues/${number}|${PUBLIC_REPO}#${number}>`);
    expect(String(notice?.args['text'])).toContain('`~investigate` for 2 business days');
    expect(await switchboard.timers.list()).toEqual([]);
    expect(await waitingRuns()).toEqual([]);
  });

  it('does nothing when the label is removed before the check', async () => {
    const number = newIssue();
    await label('labeled', number);
    clock.set('2026-11-27T09:00:00-08:00');
    await label('unlabeled', number);

    expect(await waitingRuns()).toEqual([]);
    const [unlabeled, labeled] = await switchboard.platform.runs.list({ automation: 'github-labels', limit: 2 });
    expect(labeled).toMatchObject({ status: 'succeeded', closedBy: { runId: unlabeled?.runId, reason: expect.stringContaining('the label was removed') } });

    await at('2026-12-02T10:00:00-08:00');

    expect(changesTo(number)).toEqual([]);
    expect(postsIn(INTERNAL_CHANNEL)).toEqual([]);
    expect(await switchboard.timers.list()).toEqual([]);
  });

  it('does nothing when the issue is closed before the check', async () => {
    const number = newIssue();
    await label('labeled', number);
    clock.set('2026-11-27T09:00:00-08:00');
    await close(number);

    await at('2026-12-02T10:00:00-08:00');

    expect(changesTo(number)).toEqual([]);
    expect(await switchboard.timers.list()).toEqual([]);
  });

  it('starts a fresh clock when an issue still carrying the label is reopened', async () => {
    const number = newIssue();
    await label('labeled', number);
    clock.set('2026-11-25T11:00:00-08:00');
    await close(number);
    clock.set('2026-11-27T09:00:00-08:00');
    github.setIssue(PUBLIC_REPO, number, { state: 'open' });
    await deliverGitHubWebhook(switchboard.url, 'issues', issueStatePayload('reopened', { number, labels: github.issueLabels(PUBLIC_REPO, number) }));
    await switchboard.drain();

    expect((await switchboard.timers.list()).map((timer) => timer.dueAt.toISOString())).toEqual([new Date('2026-12-01T09:00:00-08:00').toISOString()]);
    await at('2026-12-01T09:00:00-08:00');
    expect(changesTo(number)).toEqual(['issues/remove-label', 'issues/add-labels', 'issues/create-comment']);
  });

  it('waits in one run per issue at most: a fresh clock closes the wait it replaces', async () => {
    const number = newIssue();
    await label('labeled', number);
    const [first] = await waitingRuns();
    clock.set('2026-11-25T11:00:00-08:00');
    github.setIssue(PUBLIC_REPO, number, { state: 'open' });
    await deliverGitHubWebhook(switchboard.url, 'issues', issueStatePayload('reopened', { number, labels: github.issueLabels(PUBLIC_REPO, number) }));
    await switchboard.drain();

    const [reopened] = await waitingRuns();
    expect(reopened).not.toBe(first);
    expect((await switchboard.platform.runs.get(first!))?.closedBy).toMatchObject({ runId: reopened, reason: expect.stringContaining('a fresh clock replaced it') });
  });

  it('starts a fresh clock when the label is added again', async () => {
    const number = newIssue();
    await label('labeled', number);
    const [first] = await switchboard.timers.list();
    clock.set('2026-11-25T11:00:00-08:00');
    await label('unlabeled', number);
    clock.set('2026-11-27T09:00:00-08:00');
    await label('labeled', number);

    const [fresh] = await switchboard.timers.list();
    expect(fresh?.id).not.toBe(first?.id);
    expect(fresh?.dueAt.toISOString()).toBe(new Date('2026-12-01T09:00:00-08:00').toISOString());
    await at(MONDAY_DUE);
    expect(changesTo(number)).toEqual([]);
    await at('2026-12-01T09:00:00-08:00');
    expect(changesTo(number)).toEqual(['issues/remove-label', 'issues/add-labels', 'issues/create-comment']);
  });

  it('asks GitHub when the check comes, and does nothing if the label went without a webhook reaching us', async () => {
    const number = newIssue();
    await label('labeled', number);
    github.setIssue(PUBLIC_REPO, number, { labels: ['bug'] });

    await at(MONDAY_DUE);

    expect(changesTo(number)).toEqual([]);
    const run = (await switchboard.platform.runs.list({ automation: 'github-labels', limit: 5 })).find((r) => r.trigger.detailType === 'timer.fired');
    expect(run?.status).toBe('filtered');
    expect(run?.steps.find((step) => step.outcome === 'filtered')?.detail).toBe(`"~investigate" is no longer on ${PUBLIC_REPO}#${number}`);
  });

  it('makes each change once when GitHub fails half-way and the run is retried, whatever webhooks its own changes cause', async () => {
    const number = newIssue();
    await label('labeled', number);
    github.script('issues/create-comment', ...Array.from({ length: 4 }, () => githubAnswers.serverError(502)));
    // As on GitHub, the check's own label changes come back as webhooks, the removal among them.
    github.deliverWebhooks({ url: switchboard.url, secret: TEST_GITHUB_WEBHOOK_SECRET });

    await at(MONDAY_DUE);
    await github.settled();
    await switchboard.drain();

    expect(github.succeeded('issues/remove-label')).toHaveLength(1);
    expect(github.succeeded('issues/add-labels')).toHaveLength(1);
    expect(github.succeeded('issues/create-comment')).toHaveLength(1);
    expect(github.comments(PUBLIC_REPO, number)).toHaveLength(1);
    expect(postsIn(INTERNAL_CHANNEL)).toHaveLength(1);
    expect(github.refusedDeliveries).toEqual([]);
    const runs = await switchboard.platform.runs.list({ automation: 'github-labels', limit: 20 });
    // The removal's webhook stops nothing, whether it comes while the check is under way or after it ended.
    expect(runs.filter((run) => run.trigger.detailType === 'github.issue.unlabeled').map((run) => run.status)).toEqual(['filtered']);
  });

  it('is not stopped by the removal of the label once the check has begun moving the issue back to triage', async () => {
    const number = newIssue();
    await label('labeled', number);
    const [timer] = await switchboard.timers.list();
    const investigations = new InvestigationStore(switchboard.platform.table, clock);
    await investigations.markExpiring({ owner: 'example-org', name: 'product' }, number, timer!.id);

    await label('unlabeled', number);

    expect((await investigations.get({ owner: 'example-org', name: 'product' }, number))?.timerId).toBe(timer!.id);
    expect((await switchboard.timers.list()).map((t) => t.id)).toEqual([timer!.id]);
  });

  it('finds its comment instead of posting another, when a process died after GitHub took it', async () => {
    const number = newIssue();
    await label('labeled', number);
    const [timer] = await switchboard.timers.list();
    const key = `github-labels.investigation.comment:${timer?.id}`;
    // What a process killed mid-effect leaves: the comment on GitHub, its claim unfinished in the ledger.
    clock.set(MONDAY_DUE);
    github.seedComment(PUBLIC_REPO, number, `${DEFAULT_INVESTIGATION_COMMENT}\n\n<!-- switchboard:${key} -->`);
    await switchboard.platform.table.put({
      pk: `effect#${key}`,
      sk: 'effect',
      status: 'pending',
      owner: 'the-same-timer',
      instance: 'a-process-that-died',
      leaseUntil: clock.now().getTime() + 30_000,
      expiresAt: expiresInDays(clock.now(), 30),
    });

    await at(MONDAY_DUE);

    expect(github.comments(PUBLIC_REPO, number)).toHaveLength(1);
    expect(github.callsTo('issues/list-comments')).toHaveLength(1);
    expect(github.callsTo('issues/create-comment')).toEqual([]);
  });

  it('keeps the clock across a restart of the local runtime', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-restart-'));
    try {
      const number = newIssue();
      const before = await startLocalSwitchboard({ clock, github, slack, dataDir });
      await label('labeled', number, INVESTIGATE, before);
      await before.stop();

      clock.set('2026-11-28T12:00:00-08:00');
      const after = await startLocalSwitchboard({ clock, github, slack, dataDir });
      try {
        expect((await after.timers.list()).map((timer) => timer.dueAt.toISOString())).toEqual([new Date(MONDAY_DUE).toISOString()]);
        await at(MONDAY_DUE, after);
      } finally {
        await after.stop();
      }

      expect(changesTo(number)).toEqual(['issues/remove-label', 'issues/add-labels', 'issues/create-comment']);
      expect(postsIn(INTERNAL_CHANNEL)).toHaveLength(1);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
