import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signGitHubRequest } from '../../functions/ingest/github/verify-github-request';
import { mutateJson, randomText, seededRandom } from '../support/fuzz';
import {
  deliverGitHubWebhook,
  githubExample,
  issueCommentPayload,
  issueLabelPayload,
  labelPayload,
  pingPayload,
  CONFIDENTIAL_REPO,
  TEST_GITHUB_WEBHOOK_SECRET,
} from '../support/github-webhooks';
import { captureLogs, type LogCapture } from '../support/log-capture';
import { startLocalSwitchboard, type LocalSwitchboard } from '../support/local-switchboard';
import { ManualClock } from '../support/manual-clock';

const NOW = '2026-11-25T10:00:00-08:00';

describe('ingest of GitHub webhooks over HTTP', () => {
  let switchboard: LocalSwitchboard;
  let logs: LogCapture;

  beforeAll(async () => {
    logs = captureLogs();
    switchboard = await startLocalSwitchboard({ clock: new ManualClock(NOW), env: { LOG_LEVEL: 'INFO' } });
  });
  afterAll(async () => {
    await switchboard.dispose();
    logs.restore();
  });

  async function post(body: string, headers: Record<string, string>) {
    const response = await fetch(`${switchboard.url}/webhooks/github`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const text = await response.text();
    return { status: response.status, body: text, json: () => JSON.parse(text) as { error?: string; details?: unknown; published?: number } };
  }

  function signedHeaders(body: string, event: string, delivery: string, secret = TEST_GITHUB_WEBHOOK_SECRET) {
    return { 'x-github-event': event, 'x-github-delivery': delivery, 'x-hub-signature-256': signGitHubRequest(secret, body) };
  }

  /** Nothing was stored for the delivery, and no run was caused by it. */
  async function expectNothingPublished(deliveryId: string) {
    await switchboard.drain();
    expect(await switchboard.platform.table.get({ pk: `delivery#github#${deliveryId}`, sk: 'queue' })).toBeUndefined();
    expect((await switchboard.platform.runs.list({ limit: 100 })).filter((run) => run.trigger.eventId === deliveryId)).toEqual([]);
  }

  it('answers ping with 200 and publishes nothing', async () => {
    const answer = await deliverGitHubWebhook(switchboard.url, 'ping', pingPayload());

    expect(answer.status).toBe(200);
    await expectNothingPublished(answer.deliveryId);
  });

  it("publishes GitHub's signed example as one event, answered 202, and a github-labels run follows", async () => {
    const answer = await deliverGitHubWebhook(switchboard.url, 'issue_comment', issueCommentPayload({ number: 11, commenter: { login: 'someone' } }));
    await switchboard.drain();

    expect(answer.status).toBe(202);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, published: 1 });
    const run = await switchboard.platform.runs.get(`github-labels:${answer.deliveryId}`);
    expect(run?.trigger.detailType).toBe('github.issue.commented');
  });

  it('takes the form-encoded content type too', async () => {
    const answer = await deliverGitHubWebhook(switchboard.url, 'label', labelPayload('created', { repo: CONFIDENTIAL_REPO, name: 'bug' }), { contentType: 'application/x-www-form-urlencoded' });

    expect(answer.status).toBe(202);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, published: 1 });
  });

  it('acks a redelivery (the same X-GitHub-Delivery) without publishing it again', async () => {
    const payload = issueLabelPayload('labeled', { number: 12, label: 'bug' });
    const first = await deliverGitHubWebhook(switchboard.url, 'issues', payload);
    const again = await deliverGitHubWebhook(switchboard.url, 'issues', payload, { deliveryId: first.deliveryId });
    await switchboard.drain();

    expect([first.status, again.status]).toEqual([202, 202]);
    expect(JSON.parse(again.body)).toEqual({ ok: true, published: 0 });
    expect((await switchboard.platform.runs.get(`github-labels:${first.deliveryId}`))?.attempts).toBe(1);
  });

  it('acks any other event with 202, publishes nothing, and counts it in the log', async () => {
    const deliveries: string[] = [];
    for (const [event, payload] of [
      ['push', githubExample('push')],
      ['issues', githubExample('issues', 'opened')],
      ['issue_comment', githubExample('issue_comment', 'edited')],
      ['star', githubExample('star', 'created')],
    ] as const) {
      const answer = await deliverGitHubWebhook(switchboard.url, event, payload);
      expect(answer.status, event).toBe(202);
      expect(JSON.parse(answer.body)).toEqual({ ok: true, published: 0 });
      deliveries.push(answer.deliveryId);
    }

    for (const id of deliveries) await expectNothingPublished(id);
    const counted = logs.lines().filter((line) => line['message'] === 'GitHub event ignored' && deliveries.includes(String(line['deliveryId'])));
    expect(counted.map((line) => [line['githubEvent'], line['action']])).toEqual([
      ['push', undefined],
      ['issues', 'opened'],
      ['issue_comment', 'edited'],
      ['star', 'created'],
    ]);
    expect(counted.map((line) => line['level'])).toEqual(['INFO', 'INFO', 'INFO', 'INFO']);
  });

  describe('signatures', () => {
    const body = JSON.stringify(issueCommentPayload({ number: 13, commenter: { login: 'someone' } }));

    it('refuses a wrong signature with 401 and publishes nothing', async () => {
      const response = await post(body, signedHeaders(body, 'issue_comment', 'bad-signature-1', 'not-the-secret'));

      expect(response.status).toBe(401);
      expect(response.json().error).toContain('signature does not match');
      await expectNothingPublished('bad-signature-1');
    });

    it('refuses a missing signature with 401 and publishes nothing', async () => {
      const response = await post(body, { 'x-github-event': 'issue_comment', 'x-github-delivery': 'no-signature-1' });

      expect(response.status).toBe(401);
      expect(response.json().error).toContain('x-hub-signature-256 is missing');
      await expectNothingPublished('no-signature-1');
    });

    it('refuses a signature of another body (a replay with the payload changed)', async () => {
      const tampered = body.replace('"NONE"', '"OWNER"');
      const response = await post(tampered, signedHeaders(body, 'issue_comment', 'tampered-1'));

      expect(response.status).toBe(401);
      await expectNothingPublished('tampered-1');
    });

    it('refuses the legacy SHA-1 signature alone', async () => {
      const response = await post(body, { 'x-github-event': 'issue_comment', 'x-github-delivery': 'sha1-only-1', 'x-hub-signature': 'sha1=0123456789abcdef0123456789abcdef01234567' });

      expect(response.status).toBe(401);
    });
  });

  describe('bad input', () => {
    it('answers 400 without the event or the delivery header', async () => {
      const body = JSON.stringify(pingPayload());
      const noEvent = await post(body, { 'x-github-delivery': 'd-1', 'x-hub-signature-256': signGitHubRequest(TEST_GITHUB_WEBHOOK_SECRET, body) });
      const noDelivery = await post(body, { 'x-github-event': 'ping', 'x-hub-signature-256': signGitHubRequest(TEST_GITHUB_WEBHOOK_SECRET, body) });

      expect(noEvent.status).toBe(400);
      expect(noEvent.json().error).toContain('x-github-event');
      expect(noDelivery.status).toBe(400);
      expect(noDelivery.json().error).toContain('x-github-delivery');
    });

    it('answers 400 for signed JSON that is not, and for a payload missing what it needs, naming the fields', async () => {
      const broken = '{"action": "created",';
      const incomplete = JSON.stringify({ ...issueCommentPayload({ number: 14, commenter: { login: 'someone' } }), comment: { id: 1 } });

      const notJson = await post(broken, signedHeaders(broken, 'issue_comment', 'broken-1'));
      const missing = await post(incomplete, signedHeaders(incomplete, 'issue_comment', 'incomplete-1'));

      expect(notJson.status).toBe(400);
      expect(missing.status).toBe(400);
      expect(missing.json().error).toBe('invalid GitHub issue_comment payload');
      expect(missing.json().details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'comment.user' }), expect.objectContaining({ path: 'comment.author_association' })]));
      await expectNothingPublished('broken-1');
      await expectNothingPublished('incomplete-1');
    });

    it('never crashes or answers 5xx for correctly signed random and mutated payloads', async () => {
      const random = seededRandom(20261125);
      const valid = issueCommentPayload({ number: 15, commenter: { login: 'someone' } });
      const statuses = new Set<number>();
      for (let i = 0; i < 200; i += 1) {
        const body = i % 2 === 0 ? randomText(random, Math.floor(random() * 400)) : JSON.stringify(mutateJson(structuredClone(valid), random));
        const response = await post(body, signedHeaders(body, i % 3 === 0 ? 'issues' : 'issue_comment', `fuzz-${i}`));
        statuses.add(response.status);
        expect(response.status, body.slice(0, 200)).toBeLessThan(500);
      }
      expect(statuses.has(400)).toBe(true);
    });
  });
});

describe('a GitHub webhook secret being rotated', () => {
  const body = JSON.stringify(issueCommentPayload({ number: 16, commenter: { login: 'someone' } }));

  async function deliverSignedWith(switchboard: LocalSwitchboard, secret: string) {
    const deliveryId = crypto.randomUUID();
    const response = await fetch(`${switchboard.url}/webhooks/github`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': 'issue_comment', 'x-github-delivery': deliveryId, 'x-hub-signature-256': signGitHubRequest(secret, body) },
      body,
    });
    return { status: response.status, deliveryId };
  }

  /** Whether the delivery was taken: its queue item (the dedupe and durability write) and its run. */
  async function published(switchboard: LocalSwitchboard, deliveryId: string) {
    await switchboard.drain();
    const queued = await switchboard.platform.table.get({ pk: `delivery#github#${deliveryId}`, sk: 'queue' });
    const runs = (await switchboard.platform.runs.list({ limit: 100 })).filter((run) => run.trigger.eventId === deliveryId);
    return { queued: queued !== undefined, runs: runs.length };
  }

  it('accepts the previous secret while GITHUB_WEBHOOK_SECRET_PREVIOUS names it, and the new one', async () => {
    const switchboard = await startLocalSwitchboard({ clock: new ManualClock(NOW), env: { GITHUB_WEBHOOK_SECRET: 'the-new-secret', GITHUB_WEBHOOK_SECRET_PREVIOUS: 'the-old-secret' } });
    try {
      expect((await deliverSignedWith(switchboard, 'the-old-secret')).status).toBe(202);
      expect((await deliverSignedWith(switchboard, 'the-new-secret')).status).toBe(202);
      const other = await deliverSignedWith(switchboard, 'another-secret');
      expect(other.status).toBe(401);
      expect(await published(switchboard, other.deliveryId)).toEqual({ queued: false, runs: 0 });
    } finally {
      await switchboard.dispose();
    }
  });

  it('refuses the old secret with 401 once it is rotated out, and publishes nothing', async () => {
    const switchboard = await startLocalSwitchboard({ clock: new ManualClock(NOW), env: { GITHUB_WEBHOOK_SECRET: 'the-new-secret' } });
    try {
      const old = await deliverSignedWith(switchboard, 'the-old-secret');
      const current = await deliverSignedWith(switchboard, 'the-new-secret');

      expect(old.status).toBe(401);
      expect(await published(switchboard, old.deliveryId)).toEqual({ queued: false, runs: 0 });
      expect(current.status).toBe(202);
      expect(await published(switchboard, current.deliveryId)).toEqual({ queued: true, runs: 1 });
    } finally {
      await switchboard.dispose();
    }
  });
});
