import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHubApi, githubAnswers } from '../support/fake-github-api';
import { deliverGitHubWebhook, issueCommentPayload, PUBLIC_REPO, type Actor } from '../support/github-webhooks';
import { startLocalSwitchboard, type LocalSwitchboard } from '../support/local-switchboard';
import { ManualClock } from '../support/manual-clock';
import { until } from '../support/switchboard-process';

const NOW = '2026-11-24T10:00:00-08:00';
const WAITING = ['+more info please', '+Waiting on Reporter'];

describe('waiting-on-community labels, over HTTP with a fake GitHub reached through octokit', () => {
  let github: FakeGitHubApi;
  let switchboard: LocalSwitchboard;
  let issueNumber = 100;

  beforeAll(async () => {
    github = await FakeGitHubApi.start({ token: 'ghp_testtoken0123456789', repositories: [PUBLIC_REPO, 'elsewhere/other'] });
  });
  afterAll(async () => {
    await github.close();
  });
  beforeEach(async () => {
    github.reset();
    switchboard = await startLocalSwitchboard({ clock: new ManualClock(NOW), github });
  });
  afterEach(async () => {
    await switchboard.dispose();
  });

  /** A fresh issue on the fake GitHub, with the waiting labels and a bug label. */
  function newIssue(options: { state?: 'open' | 'closed'; pullRequest?: boolean; repo?: string } = {}): number {
    issueNumber += 1;
    github.seedIssue(options.repo ?? PUBLIC_REPO, issueNumber, { labels: ['bug', ...WAITING], ...options });
    return issueNumber;
  }

  /** `commenter` comments on the issue as it is on GitHub; resolves once every run it caused has ended. */
  async function comment(number: number, commenter: Actor, association = 'NONE', options: { state?: 'open' | 'closed'; pullRequest?: boolean; repo?: string; deliveryId?: string } = {}) {
    const repo = options.repo ?? PUBLIC_REPO;
    const payload = issueCommentPayload({ repo, number, labels: github.issueLabels(repo, number), commenter, association, ...options });
    const answer = await deliverGitHubWebhook(switchboard.url, 'issue_comment', payload, options.deliveryId === undefined ? {} : { deliveryId: options.deliveryId });
    expect(answer.status).toBe(202);
    await switchboard.drain();
    return { ...answer, run: await switchboard.platform.runs.get(`github-labels:${answer.deliveryId}`) };
  }

  const removals = (number: number) => github.succeeded('issues/remove-label').filter((call) => call.params['issue_number'] === String(number)).map((call) => call.params['name']);

  describe('a comment from the community', () => {
    it('removes every label starting with "+", one DELETE each, and keeps the others', async () => {
      const number = newIssue();

      const { run } = await comment(number, { login: 'someone' }, 'NONE');

      expect(removals(number)).toEqual(WAITING);
      expect(github.issueLabels(PUBLIC_REPO, number)).toEqual(['bug']);
      expect(run?.status).toBe('succeeded');
      expect(run?.steps.filter((step) => step.outcome === 'done').map((step) => step.name)).toEqual(['remove "+more info please"', 'remove "+Waiting on Reporter"']);
    });

    it("counts whoever comments, not only the issue's author: a contributor, a collaborator", async () => {
      const first = newIssue();
      const second = newIssue();

      await comment(first, { login: 'a-contributor' }, 'CONTRIBUTOR');
      await comment(second, { login: 'a-collaborator' }, 'COLLABORATOR');

      expect(removals(first)).toEqual(WAITING);
      expect(removals(second)).toEqual(WAITING);
    });

    it('removes them from a pull request too', async () => {
      const number = newIssue({ pullRequest: true });

      await comment(number, { login: 'someone' }, 'NONE', { pullRequest: true });

      expect(removals(number)).toEqual(WAITING);
    });

    it('takes a label someone removed meanwhile (404) as done', async () => {
      const number = newIssue();
      const payload = issueCommentPayload({ number, labels: github.issueLabels(PUBLIC_REPO, number), commenter: { login: 'someone' } });
      github.setIssue(PUBLIC_REPO, number, { labels: ['bug', '+Waiting on Reporter'] });

      const answer = await deliverGitHubWebhook(switchboard.url, 'issue_comment', payload);
      await switchboard.drain();

      const run = await switchboard.platform.runs.get(`github-labels:${answer.deliveryId}`);
      expect(run?.status).toBe('succeeded');
      expect(run?.steps.find((step) => step.name === 'remove "+more info please"')?.detail).toContain('already gone');
      expect(github.issueLabels(PUBLIC_REPO, number)).toEqual(['bug']);
    });
  });

  describe('comments that change nothing', () => {
    it('keeps the labels for a team member, whatever the letter case of their login', async () => {
      const number = newIssue();

      const runs = [await comment(number, { login: 'OctoCat' }), await comment(number, { login: 'OCTOCAT' }, 'CONTRIBUTOR')];

      expect(github.callsTo('issues/remove-label')).toEqual([]);
      expect(runs.map(({ run }) => run?.status)).toEqual(['filtered', 'filtered']);
      expect(runs[0]?.run?.steps.find((step) => step.outcome === 'filtered')?.detail).toBe('OctoCat is on the team (company.github.teamLogins)');
    });

    it('keeps them for an OWNER or a MEMBER', async () => {
      const number = newIssue();

      await comment(number, { login: 'the-owner' }, 'OWNER');
      await comment(number, { login: 'a-member' }, 'MEMBER');

      expect(github.callsTo('issues/remove-label')).toEqual([]);
    });

    it('keeps them for a bot: type Bot, a [bot] login, a configured bot login', async () => {
      const number = newIssue();

      await comment(number, { login: 'renovate', type: 'Bot' });
      await comment(number, { login: 'dependabot[bot]' });
      await comment(number, { login: 'Example-Bot' });

      expect(github.callsTo('issues/remove-label')).toEqual([]);
    });

    it('leaves a closed issue alone', async () => {
      const number = newIssue({ state: 'closed' });

      const { run } = await comment(number, { login: 'someone' }, 'NONE', { state: 'closed' });

      expect(github.callsTo('issues/remove-label')).toEqual([]);
      expect(run?.steps.find((step) => step.outcome === 'filtered')?.name).toBe('open');
    });

    it("leaves repositories outside the company's organisation alone", async () => {
      const number = newIssue({ repo: 'elsewhere/other' });

      const { run } = await comment(number, { login: 'someone' }, 'NONE', { repo: 'elsewhere/other' });

      expect(github.callsTo('issues/remove-label')).toEqual([]);
      expect(run?.status).toBe('filtered');
    });
  });

  describe('duplicates, retries and rate limits: exactly one label change each', () => {
    it('changes nothing twice for a redelivery (the same X-GitHub-Delivery)', async () => {
      const number = newIssue();
      const payload = issueCommentPayload({ number, labels: github.issueLabels(PUBLIC_REPO, number), commenter: { login: 'someone' } });

      const first = await deliverGitHubWebhook(switchboard.url, 'issue_comment', payload);
      await switchboard.drain();
      const again = await deliverGitHubWebhook(switchboard.url, 'issue_comment', payload, { deliveryId: first.deliveryId });
      await switchboard.drain();

      expect(JSON.parse(again.body)).toEqual({ ok: true, published: 0 });
      expect(github.callsTo('issues/remove-label').map((call) => call.params['name'])).toEqual(WAITING);
    });

    it('waits out a secondary rate limit (403 with the documented message and retry-after) and removes the label once', async () => {
      const number = newIssue();
      github.script('issues/remove-label', githubAnswers.secondaryRateLimit(1));

      const { run } = await comment(number, { login: 'someone' });

      expect(github.callsTo('issues/remove-label').map((call) => [call.params['name'], call.answer.status])).toEqual([
        ['+more info please', 403],
        ['+more info please', 200],
        ['+Waiting on Reporter', 200],
      ]);
      expect(removals(number)).toEqual(WAITING);
      expect(run?.status).toBe('succeeded');
    });

    it('waits out a primary rate limit (429 with x-ratelimit-reset) and 5xx answers, one removal each', async () => {
      const number = newIssue();
      github.script('issues/remove-label', githubAnswers.primaryRateLimit(1, 429), githubAnswers.serverError(502), githubAnswers.serverError(503));

      await comment(number, { login: 'someone' });

      expect(github.callsTo('issues/remove-label').map((call) => call.answer.status)).toEqual([429, 502, 503, 200, 200]);
      expect(removals(number)).toEqual(WAITING);
    });

    it.each([
      ['a secondary limit with retry-after: 60', githubAnswers.secondaryRateLimit(60), 60],
      ['a secondary limit without retry-after (GitHub: wait at least a minute)', githubAnswers.secondaryRateLimit(null), 60],
      ['a primary limit that resets in half an hour', githubAnswers.primaryRateLimit(1_800, 403), 1_800],
    ])('waits out %s, longer than the client waits in-process, on the runtime clock; then one removal each', async (_limit, answer, waitSeconds) => {
      const number = newIssue();
      github.script('issues/remove-label', answer);
      const payload = issueCommentPayload({ number, labels: github.issueLabels(PUBLIC_REPO, number), commenter: { login: 'someone' } });

      const { deliveryId } = await deliverGitHubWebhook(switchboard.url, 'issue_comment', payload);
      await until('the run waits out the rate limit', () => switchboard.bus.backlog.rateLimited === 1);
      switchboard.clock.advance((waitSeconds - 10) * 1_000);
      await switchboard.tick();
      const tooEarly = github.callsTo('issues/remove-label').length;
      switchboard.clock.advance(12_000); // the wait, and the second after a primary limit's reset
      await switchboard.tick();
      await switchboard.drain();

      expect(tooEarly).toBe(1);
      expect(github.callsTo('issues/remove-label').map((call) => [call.params['name'], call.answer.status])).toEqual([
        ['+more info please', 403],
        ['+more info please', 200],
        ['+Waiting on Reporter', 200],
      ]);
      const run = await switchboard.platform.runs.get(`github-labels:${deliveryId}`);
      expect(run?.status).toBe('succeeded');
      expect(run?.attempts).toBe(2);
      expect(await switchboard.bus.failures.list()).toEqual([]);
    });

    it('retries the run when GitHub fails past the client retries, and still removes each label once', async () => {
      const number = newIssue();
      github.script('issues/remove-label', ...Array.from({ length: 4 }, () => githubAnswers.serverError(502)));

      const { run } = await comment(number, { login: 'someone' });

      expect(run?.status).toBe('succeeded');
      expect(run?.attempts).toBe(2);
      expect(removals(number)).toEqual(WAITING);
    });
  });
});
