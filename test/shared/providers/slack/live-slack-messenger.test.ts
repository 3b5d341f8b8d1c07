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
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
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
});
