import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../../shared/log/logger';
import { ProviderError } from '../../../../shared/providers/provider-error';
import { LiveSlackMessenger } from '../../../../shared/providers/slack/live-slack-messenger';
import { FakeSlackApi } from '../../../support/fake-slack-api';

describe('the live Slack adapter (@slack/web-api against a fake Slack API)', () => {
  let slack: FakeSlackApi;
  let messenger: LiveSlackMessenger;
  const log = createLogger({ level: 'SILENT', runtime: 'local' });

  beforeAll(async () => {
    slack = await FakeSlackApi.start();
  });
  afterAll(async () => {
    await slack.close();
  });
  beforeEach(() => {
    slack.reset();
    messenger = new LiveSlackMessenger({ token: slack.token, apiUrl: slack.url, log, retries: { retries: 2, minTimeout: 10, maxTimeout: 20 }, timeoutMs: 2_000 });
  });

  it('posts a threaded message with blocks, authenticated with the bot token', async () => {
    const posted = await messenger.postMessage({
      channel: 'C0ACMEPROD',
      threadTs: '1795406400.000200',
      text: 'fallback',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hello' } }],
    });
    expect(posted.ts).toMatch(/^\d+\.\d+$/);
    expect(slack.calls).toHaveLength(1);
    expect(slack.calls[0]).toMatchObject({
      method: 'chat.postMessage',
      token: slack.token,
      args: { channel: 'C0ACMEPROD', thread_ts: '1795406400.000200', text: 'fallback', unfurl_links: 'false', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hello' } }] },
    });
  });

  it('updates a message and posts an ephemeral one', async () => {
    await messenger.updateMessage({ channel: 'C1', ts: '1.000001', text: 'updated' });
    await messenger.postEphemeral({ channel: 'C1', user: 'U1', text: 'only you' });
    expect(slack.calls.map((c) => [c.method, c.args])).toEqual([
      ['chat.update', { channel: 'C1', ts: '1.000001', text: 'updated' }],
      ['chat.postEphemeral', { channel: 'C1', user: 'U1', text: 'only you' }],
    ]);
  });

  it('asks Slack for a permalink once per message, and remembers it', async () => {
    const first = await messenger.permalink('C0ACMEPROD', '1795406400.000200');
    const again = await messenger.permalink('C0ACMEPROD', '1795406400.000200');
    await messenger.permalink('C0ACMEPROD', '1795406401.000300');

    expect(first).toBe('https://example.slack.com/archives/C0ACMEPROD/p1795406400000200');
    expect(again).toBe(first);
    expect(slack.callsTo('chat.getPermalink').map((call) => call.args)).toEqual([
      { channel: 'C0ACMEPROD', message_ts: '1795406400.000200' },
      { channel: 'C0ACMEPROD', message_ts: '1795406401.000300' },
    ]);
  });

  it("looks up a user's workspace once, and knows nobody Slack does not know", async () => {
    slack.addUser('U0TEAMMATE1', 'T0EXAMPLE1');

    expect(await messenger.teamOfUser('U0TEAMMATE1')).toBe('T0EXAMPLE1');
    expect(await messenger.teamOfUser('U0TEAMMATE1')).toBe('T0EXAMPLE1');
    expect(await messenger.teamOfUser('U0NOBODY01')).toBeUndefined();
    expect(slack.callsTo('users.info').map((call) => call.args['user'])).toEqual(['U0TEAMMATE1', 'U0NOBODY01']);
  });

  it('waits out a 429 for its Retry-After, then delivers once', async () => {
    slack.script('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });
    const started = Date.now();
    await messenger.postMessage({ channel: 'C1', text: 'hi' });
    // A lower bound only (a busy machine makes it longer, never shorter), with slack for timers that fire a
    // millisecond early: it fails only if the Retry-After was not waited out.
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
    expect(slack.succeeded('chat.postMessage')).toHaveLength(1);
  });

  it('retries a 5xx, then delivers once', async () => {
    slack.script('chat.postMessage', { status: 503, body: 'unavailable' }, { status: 500, body: 'oops' });
    await messenger.postMessage({ channel: 'C1', text: 'hi' });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(3);
    expect(slack.succeeded('chat.postMessage')).toHaveLength(1);
  });

  it('reports a 5xx that outlasts the retries as a transient failure', async () => {
    slack.script('chat.postMessage', ...Array.from({ length: 3 }, () => ({ status: 502, body: 'bad gateway' })));
    const error = await messenger.postMessage({ channel: 'C1', text: 'hi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ provider: 'slack', operation: 'chat.postMessage', transient: true, status: 502 });
  });

  it.each([
    ['channel_not_found', false],
    ['not_in_channel', false],
    ['invalid_auth', false],
    ['internal_error', true],
    ['service_unavailable', true],
  ])('classifies the Slack error %s (transient: %s)', async (code, transient) => {
    slack.script('chat.postMessage', { status: 200, body: { ok: false, error: code } });
    const error = await messenger.postMessage({ channel: 'C1', text: 'hi' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProviderError', code, transient });
  });

  it('fails transiently when Slack cannot be reached', async () => {
    const unreachable = new LiveSlackMessenger({ token: 't', apiUrl: 'http://127.0.0.1:9/api/', log, retries: { retries: 1, minTimeout: 5, maxTimeout: 5 }, timeoutMs: 500 });
    const error = await unreachable.postMessage({ channel: 'C1', text: 'hi' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProviderError', transient: true });
  });

  describe("answering a shortcut through its response URL", () => {
    it('posts the JSON Slack documents, ephemeral, with no token', async () => {
      const responseUrl = slack.responseUrl();

      await messenger.respond(responseUrl, { text: 'Invite @Switchboard to #ext-acme' });

      expect(slack.callsTo('response_url')).toEqual([
        expect.objectContaining({ responseUrl, token: undefined, args: { response_type: 'ephemeral', replace_original: false, text: 'Invite @Switchboard to #ext-acme' } }),
      ]);
    });

    it('fails permanently, without the URL in the error, when Slack says it expired', async () => {
      const responseUrl = `${slack.responseUrlBase}app/T0EXAMPLE1/1/never-issued`;

      const error = await messenger.respond(responseUrl, { text: 'hello' }).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ transient: false, status: 404, code: 'expired_url' });
      expect((error as Error).message).not.toContain('never-issued');
    });

    it('fails transiently on a 5xx', async () => {
      slack.script('response_url', { status: 503, body: 'service_unavailable' });

      const error = await messenger.respond(slack.responseUrl(), { text: 'hello' }).catch((caught: unknown) => caught);

      expect(error).toMatchObject({ transient: true, status: 503, code: 'service_unavailable' });
    });

    it("posts to nothing but Slack's response URLs (or the configured Slack API's host)", async () => {
      const error = await messenger.respond('https://attacker.example/collect', { text: 'hello' }).catch((caught: unknown) => caught);

      expect(error).toMatchObject({ transient: false, message: expect.stringContaining("not one of Slack's") });
      expect(slack.calls).toEqual([]);
    });
  });

  describe('finding its own posts again (crash reconciliation)', () => {
    const SINCE = new Date('2026-11-22T00:00:00Z');
    const THREAD = '1795406400.000200';

    it('carries the effect key in the message metadata', async () => {
      await messenger.postMessage({ channel: 'C0ACMEPROD', threadTs: THREAD, text: 'hi', effectKey: 'after-hours.notice:C0ACMEPROD:U1:x' });

      expect(slack.callsTo('chat.postMessage')[0]?.args['metadata']).toEqual({
        event_type: 'switchboard_effect',
        event_payload: { key: 'after-hours.notice:C0ACMEPROD:U1:x' },
      });
    });

    it('finds a reply in its thread by the key in its metadata, and nothing for another key', async () => {
      await messenger.postMessage({ channel: 'C0ACMEPROD', threadTs: THREAD, text: 'one', effectKey: 'key-one' });
      const two = await messenger.postMessage({ channel: 'C0ACMEPROD', threadTs: THREAD, text: 'two', effectKey: 'key-two' });

      expect(await messenger.findMessage({ channel: 'C0ACMEPROD', threadTs: THREAD, effectKey: 'key-two', since: SINCE })).toEqual(two);
      expect(await messenger.findMessage({ channel: 'C0ACMEPROD', threadTs: THREAD, effectKey: 'key-three', since: SINCE })).toBeUndefined();
      const lookUps = slack.callsTo('conversations.replies');
      expect(lookUps[0]?.args).toMatchObject({ channel: 'C0ACMEPROD', ts: THREAD, include_all_metadata: 'true', inclusive: 'true', oldest: '1795305600.000000' });
    });

    it('does not count a post older than the window', async () => {
      await messenger.postMessage({ channel: 'C0ACMEPROD', threadTs: THREAD, text: 'one', effectKey: 'key-one' });
      const later = new Date('2030-01-01T00:00:00Z');
      expect(await messenger.findMessage({ channel: 'C0ACMEPROD', threadTs: THREAD, effectKey: 'key-one', since: later })).toBeUndefined();
    });

    it("finds a channel post in the channel's history, page after page", async () => {
      const target = await messenger.postMessage({ channel: 'C0SUPPORT01', text: 'the one', effectKey: 'paging.opened:INC-1' });
      for (let i = 0; i < 210; i += 1) await messenger.postMessage({ channel: 'C0SUPPORT01', text: `noise ${i}` });

      expect(await messenger.findMessage({ channel: 'C0SUPPORT01', effectKey: 'paging.opened:INC-1', since: SINCE })).toEqual(target);
      expect(slack.callsTo('conversations.history')).toHaveLength(2);
      expect(slack.callsTo('conversations.history')[1]?.args['cursor']).toEqual(expect.any(String));
    });

    it('finds a direct message to a user in their DM with the app', async () => {
      const posted = await messenger.postMessage({ channel: 'U0CSE00001', text: 'reminder', effectKey: 'job-applications.remind:a1' });

      const found = await messenger.findMessage({ channel: 'U0CSE00001', effectKey: 'job-applications.remind:a1', since: SINCE });

      expect(found).toEqual(posted);
      expect(slack.callsTo('conversations.open')[0]?.args).toEqual({ users: 'U0CSE00001' });
    });

    it('finds nothing in a conversation Slack does not know', async () => {
      expect(await messenger.findMessage({ channel: 'C0NOWHERE1', threadTs: THREAD, effectKey: 'k', since: SINCE })).toBeUndefined();
    });

    it('finds nothing, and posts again, when the app may not read the history (a scope not granted)', async () => {
      slack.script('conversations.history', { status: 200, body: { ok: false, error: 'missing_scope', needed: 'channels:history' } });
      expect(await messenger.findMessage({ channel: 'C0SUPPORT01', effectKey: 'k', since: SINCE })).toBeUndefined();
    });

    it('does not post twice when the answer to a keyed post was lost (Slack took it, a proxy answered 502)', async () => {
      slack.script('chat.postMessage', { status: 502, body: 'bad gateway', performFirst: true });

      const posted = await messenger.postMessage({ channel: 'C0ACMEPROD', threadTs: THREAD, text: 'notice', effectKey: 'after-hours.notice:lost' });

      expect(slack.effectPosts().get('after-hours.notice:lost')).toHaveLength(1);
      expect(posted.ts).toBe(slack.effectPosts().get('after-hours.notice:lost')?.[0]?.ts);
      expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
      expect(slack.callsTo('conversations.replies')).toHaveLength(1);
    });

    it('posts a keyed message again after a 5xx that Slack did not act on, having looked first', async () => {
      slack.script('chat.postMessage', { status: 503, body: 'unavailable' });

      await messenger.postMessage({ channel: 'C0ACMEPROD', threadTs: THREAD, text: 'notice', effectKey: 'after-hours.notice:retry' });

      expect(slack.effectPosts().get('after-hours.notice:retry')).toHaveLength(1);
      expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
      expect(slack.callsTo('conversations.replies')).toHaveLength(1);
    });

    it('waits out a 429 on a keyed post without looking (Slack refused it), then posts once', async () => {
      slack.script('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });

      await messenger.postMessage({ channel: 'C0ACMEPROD', text: 'digest', effectKey: 'after-hours.digest:x' });

      expect(slack.effectPosts().get('after-hours.digest:x')).toHaveLength(1);
      expect(slack.callsTo('conversations.history')).toHaveLength(0);
    });

    it('fails transiently when Slack answers the look-up with a 5xx', async () => {
      const impatient = new LiveSlackMessenger({ token: slack.token, apiUrl: slack.url, log, retries: { retries: 0, minTimeout: 1, maxTimeout: 1 }, timeoutMs: 2_000 });
      slack.script('conversations.history', { status: 500, body: 'oops' });
      const failure = await impatient.findMessage({ channel: 'C0SUPPORT01', effectKey: 'k', since: SINCE }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ProviderError);
      expect((failure as ProviderError).transient).toBe(true);
    });
  });
});
