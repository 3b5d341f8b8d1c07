import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSlackRequest } from '../../functions/ingest/slack/verify-slack-request';
import { startLocalSwitchboard, TEST_SIGNING_SECRET, type LocalSwitchboard } from '../support/local-switchboard';
import { ingestOverClosedStore } from '../support/ingest-over-closed-store';
import { ManualClock } from '../support/manual-clock';
import { sendSlackBody, slackFixture } from '../support/slack-requests';
import { mutateJson, randomText, seededRandom } from '../support/fuzz';

const NOW = '2026-11-22T20:00:00-08:00';

describe('ingest over HTTP: every bad input gets a specific 4xx and publishes nothing', () => {
  let switchboard: LocalSwitchboard;

  beforeAll(async () => {
    switchboard = await startLocalSwitchboard({ clock: new ManualClock(NOW) });
  });
  afterAll(async () => {
    await switchboard.dispose();
  });

  const nowSeconds = () => Math.floor(switchboard.clock.now().getTime() / 1000);

  async function send(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
    const response = await fetch(`${switchboard.url}${path}`, { method: 'POST', ...init });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text, json: () => JSON.parse(text) as { error: string; details?: unknown } };
  }

  function signed(body: string, timestamp = nowSeconds(), secret = TEST_SIGNING_SECRET) {
    return { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signSlackRequest(secret, timestamp, body) };
  }

  async function expectNothingPublished() {
    await switchboard.drain();
    expect(await switchboard.platform.runs.list()).toEqual([]);
    expect(await switchboard.platform.table.query({ partition: 'bus-pending', byTime: true })).toEqual([]);
  }

  it('answers GET /health with 200 and the server clock', async () => {
    const response = await fetch(`${switchboard.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, service: 'switchboard', runtime: 'local', time: new Date(NOW).toISOString() });
  });

  it('answers Slack url_verification with the challenge', async () => {
    const fixture = slackFixture('url-verification');
    const answer = await sendSlackBody(switchboard, '/webhooks/slack/events', JSON.stringify(fixture), 'application/json');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ challenge: fixture['challenge'] });
  });

  it('acks an event type no automation needs, without publishing it', async () => {
    const body = JSON.stringify({ ...slackFixture('message-shared-channel'), event_id: 'Ev0MENTION01', event: { type: 'app_mention', user: 'U1', text: 'hi', ts: '1795406400.000200', channel: 'C0ACMEPROD' } });
    const answer = await sendSlackBody(switchboard, '/webhooks/slack/events', body, 'application/json');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, published: 0 });
    await expectNothingPublished();
  });

  it('acks a reaction to a file, and a shortcut that is not ours, without publishing them', async () => {
    const reaction = slackFixture('reaction-added') as { event: Record<string, unknown> };
    const body = JSON.stringify({ ...reaction, event_id: 'Ev0FILEREACT', event: { ...reaction.event, item: { type: 'file', file: 'F0FILE0001' } } });
    const answer = await sendSlackBody(switchboard, '/webhooks/slack/events', body, 'application/json');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, published: 0 });

    const form = new URLSearchParams({ payload: JSON.stringify({ ...slackFixture('message-action'), callback_id: 'someone_elses_shortcut' }) }).toString();
    const shortcut = await sendSlackBody(switchboard, '/webhooks/slack/interactions', form, 'application/x-www-form-urlencoded');
    expect(shortcut).toEqual({ status: 200, body: '' });
    await expectNothingPublished();
  });

  it('answers 400 for a reaction_added without its item, publishing nothing', async () => {
    const reaction = slackFixture('reaction-added') as { event: Record<string, unknown> };
    const body = JSON.stringify({ ...reaction, event: { ...reaction.event, item: undefined } });
    const answer = await sendSlackBody(switchboard, '/webhooks/slack/events', body, 'application/json');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ error: 'invalid Slack reaction_added event', details: [{ path: 'event.item' }] });
    await expectNothingPublished();
  });

  describe('routing', () => {
    it('answers 404 for an unknown path, including providers Switchboard does not serve', async () => {
      for (const path of ['/nope', '/webhooks/zapier']) {
        const response = await send(path, { body: '{}', headers: { 'content-type': 'application/json' } });
        expect(response.status, path).toBe(404);
        expect(response.json().error).toContain(path);
      }
    });

    it('answers 405 with Allow for the wrong method', async () => {
      const response = await send('/webhooks/slack/events', { method: 'GET' });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
      expect((await send('/health', { body: '' })).status).toBe(405);
    });

    it('answers 413 for a body over 1 MiB, even a signed one', async () => {
      const body = JSON.stringify({ type: 'event_callback', padding: 'x'.repeat(1024 * 1024) });
      const response = await send('/webhooks/slack/events', { body, headers: signed(body) });
      expect(response.status).toBe(413);
      expect(response.json().error).toContain('larger than');
      await expectNothingPublished();
    });

    it('answers 415 for a content type the endpoint does not take', async () => {
      const body = JSON.stringify(slackFixture('message-shared-channel'));
      const response = await send('/webhooks/slack/events', { body, headers: { ...signed(body), 'content-type': 'text/plain' } });
      expect(response.status).toBe(415);
      const interactions = await send('/webhooks/slack/interactions', { body, headers: signed(body) });
      expect(interactions.status).toBe(415);
      await expectNothingPublished();
    });
  });

  describe('signatures', () => {
    const body = JSON.stringify(slackFixture('message-shared-channel'));

    it.each([
      ['a missing signature', () => ({ 'content-type': 'application/json', 'x-slack-request-timestamp': String(nowSeconds()) }), 'x-slack-signature is missing'],
      ['a missing timestamp', () => ({ 'content-type': 'application/json', 'x-slack-signature': 'v0=abc' }), 'x-slack-request-timestamp'],
      ['a wrong secret', () => signed(body, nowSeconds(), 'another-secret'), 'signature does not match'],
      ['a stale timestamp (6 minutes old)', () => signed(body, nowSeconds() - 360), 'more than 5 minutes'],
      ['a timestamp from the future', () => signed(body, nowSeconds() + 360), 'more than 5 minutes'],
      ['a signature of another body', () => signed(body.replace('503s', '504s')), 'signature does not match'],
    ])('refuses %s with 401', async (_case, headers, reason) => {
      const response = await send('/webhooks/slack/events', { body, headers: headers() });
      expect(response.status).toBe(401);
      expect(response.json().error).toContain(reason);
      await expectNothingPublished();
    });

    it('refuses an unsigned interaction with 401', async () => {
      const form = new URLSearchParams({ payload: JSON.stringify(slackFixture('block-actions')) }).toString();
      const response = await send('/webhooks/slack/interactions', { body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(response.status).toBe(401);
      await expectNothingPublished();
    });
  });

  describe('malformed bodies', () => {
    const valid = slackFixture('message-shared-channel');

    it.each([
      ['not JSON', 'hello', 'not valid JSON'],
      ['truncated JSON', JSON.stringify(valid).slice(0, 120), 'not valid JSON'],
      ['an unknown envelope type', JSON.stringify({ type: 'mystery' }), 'invalid Slack event payload'],
      ['a missing event_id', JSON.stringify({ ...valid, event_id: undefined }), 'invalid Slack event payload'],
      ['a wrongly-typed event_time', JSON.stringify({ ...valid, event_time: 'yesterday' }), 'invalid Slack event payload'],
      ['a message without a channel', JSON.stringify({ ...valid, event: { ...(valid['event'] as object), channel: undefined } }), 'invalid Slack message event'],
      ['a message whose ts is not a Slack ts', JSON.stringify({ ...valid, event: { ...(valid['event'] as object), ts: 'now' } }), 'invalid Slack message event'],
    ])('answers 400 for %s', async (_case, body, reason) => {
      const response = await send('/webhooks/slack/events', { body, headers: signed(body) });
      expect(response.status).toBe(400);
      expect(response.json().error).toContain(reason);
      await expectNothingPublished();
    });

    it('names the invalid fields in details', async () => {
      const body = JSON.stringify({ ...valid, event_time: 'yesterday' });
      const response = await send('/webhooks/slack/events', { body, headers: signed(body) });
      expect(response.json().details).toEqual(expect.arrayContaining([{ path: 'event_time', message: 'Invalid input: expected number, received string' }]));
    });

    it.each([
      ['no payload field', 'something=else', 'form field "payload" is missing'],
      ['a payload that is not JSON', 'payload=%7Bnope', 'form field "payload" is not valid JSON'],
      ['block_actions without actions', `payload=${encodeURIComponent(JSON.stringify({ ...slackFixture('block-actions'), actions: [] }))}`, 'invalid Slack block_actions payload'],
      ['a message_action without its message', `payload=${encodeURIComponent(JSON.stringify({ ...slackFixture('message-action'), message: undefined }))}`, 'invalid Slack message_action payload'],
      ['a message_action whose ts is not one', `payload=${encodeURIComponent(JSON.stringify({ ...slackFixture('message-action'), message: { ts: 'yesterday', text: 'x' } }))}`, 'invalid Slack message_action payload'],
    ])('answers 400 for an interaction with %s', async (_case, form, reason) => {
      const timestamp = nowSeconds();
      const response = await send('/webhooks/slack/interactions', {
        body: form,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signSlackRequest(TEST_SIGNING_SECRET, timestamp, form) },
      });
      expect(response.status).toBe(400);
      expect(response.json().error).toContain(reason);
      await expectNothingPublished();
    });

    it('never crashes or answers 5xx for correctly signed random and mutated bodies', async () => {
      const random = seededRandom(20261122);
      const bodies: string[] = [];
      for (let i = 0; i < 150; i += 1) bodies.push(randomText(random, Math.floor(random() * 600)));
      for (let i = 0; i < 150; i += 1) bodies.push(JSON.stringify(mutateJson(structuredClone(valid), random)));
      const statuses = new Set<number>();
      for (const body of bodies) {
        const response = await send('/webhooks/slack/events', { body, headers: signed(body) });
        statuses.add(response.status);
        expect(response.status, body.slice(0, 200)).toBeLessThan(500);
      }
      expect(statuses.has(400)).toBe(true);
      const health = await fetch(`${switchboard.url}/health`);
      expect(health.status).toBe(200);
    });
  });

  it('answers 503, so Slack retries, when the event cannot be stored', async () => {
    const ingest = await ingestOverClosedStore(switchboard, { SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET });
    const body = JSON.stringify(valid());
    const response = await ingest({ method: 'POST', path: '/webhooks/slack/events', query: new URLSearchParams(), rawQuery: '', headers: signed(body), body: Buffer.from(body) });
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('1');

    function valid() {
      return slackFixture('message-shared-channel');
    }
  });
});

/** Drops, retypes or replaces fields of a payload at random, recursively. */
