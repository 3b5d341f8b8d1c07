import type { KnownBlock } from '@slack/web-api';
import { beforeEach, describe, expect, it } from 'vitest';
import { Outbox } from '../../../../shared/providers/outbox';
import { DryRunSlackMessenger } from '../../../../shared/providers/slack/dry-run-slack-messenger';
import { slackTsToDate } from '../../../../shared/providers/slack/slack-ts';
import { postEphemeralArguments, postMessageArguments, updateArguments } from '../../../../shared/providers/slack/web-api-arguments';
import type { Table } from '../../../../shared/store/table';
import { ManualClock } from '../../../support/manual-clock';
import { createTestTable } from '../../../support/test-table';

const NOW = '2026-11-22T20:00:00.000Z';
const SLACK_TS = /^\d{10}\.\d{6}$/;
const blocks: KnownBlock[] = [
  { type: 'section', text: { type: 'mrkdwn', text: 'We received your message outside business hours.' } },
  {
    type: 'actions',
    block_id: 'after-hours-escalation',
    elements: [{ type: 'button', action_id: 'after-hours:escalate-p0', text: { type: 'plain_text', text: 'P0 – production down' }, value: 'P0' }],
  },
];

describe('dry-run Slack messenger', () => {
  let clock: ManualClock;
  let table: Table;
  let outbox: Outbox;
  let slack: DryRunSlackMessenger;

  beforeEach(async () => {
    clock = new ManualClock(NOW);
    table = await createTestTable(clock);
    outbox = new Outbox(table, clock);
    slack = new DryRunSlackMessenger(outbox, clock);
  });

  it('says it is in dry-run', () => {
    expect(slack.mode).toBe('dry-run');
  });

  it('records exactly the chat.postMessage arguments the live client would send', async () => {
    const message = { channel: 'C0ACMEPROD', text: 'We are back Monday 6:00 AM PT', blocks, threadTs: '1763841599.000100' };

    await slack.postMessage(message);

    const [entry] = await outbox.list();
    expect(entry).toMatchObject({ provider: 'slack', operation: 'chat.postMessage', recordedAt: NOW });
    expect(entry?.request).toEqual(postMessageArguments(message));
    expect(entry?.request).toEqual({
      channel: 'C0ACMEPROD',
      text: 'We are back Monday 6:00 AM PT',
      blocks,
      thread_ts: '1763841599.000100',
      unfurl_links: false,
    });
  });

  it('answers a post like Slack: the channel and a ts of now', async () => {
    const answer = await slack.postMessage({ channel: 'C0ACMEPROD', text: 'hello' });

    expect(answer.channel).toBe('C0ACMEPROD');
    expect(answer.ts).toMatch(SLACK_TS);
    expect(Math.floor(slackTsToDate(answer.ts).getTime() / 1000)).toBe(Date.parse(NOW) / 1000);
  });

  it('answers each post with its own ts, also within one second', async () => {
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await slack.postMessage({ channel: 'C0ACMEPROD', text: `message ${i}` }));

    expect(new Set(answers.map((answer) => answer.ts)).size).toBe(5);
    expect(answers.map((answer) => answer.ts)).toEqual([...answers.map((answer) => answer.ts)].sort());
  });

  it('answers posts of two messengers in one process with different ts', async () => {
    const other = new DryRunSlackMessenger(new Outbox(table, clock), clock);
    const [a, b] = await Promise.all([slack.postMessage({ channel: 'C1', text: 'a' }), other.postMessage({ channel: 'C1', text: 'b' })]);
    expect(a.ts).not.toBe(b.ts);
  });

  it('answers a permalink shaped like Slack builds them, and records no read in the outbox', async () => {
    expect(await slack.permalink('C0ACMEPROD', '1795406400.000200')).toBe('https://example.slack.com/archives/C0ACMEPROD/p1795406400000200');
    expect(await new DryRunSlackMessenger(outbox, clock, 'acme').permalink('C0ACMEPROD', '1795406400.2')).toBe('https://acme.slack.com/archives/C0ACMEPROD/p1795406400200000');
    expect(await slack.teamOfUser('U0TEAMMATE1')).toBeUndefined();
    expect(await outbox.list()).toEqual([]);
  });

  it('records exactly the chat.update arguments', async () => {
    const message = { channel: 'C0ACMEPROD', ts: '1763841600.000200', text: 'On-call was paged', blocks };

    await slack.updateMessage(message);

    const [entry] = await outbox.list();
    expect(entry).toMatchObject({ provider: 'slack', operation: 'chat.update' });
    expect(entry?.request).toEqual(updateArguments(message));
    expect(entry?.request).toEqual({ channel: 'C0ACMEPROD', ts: '1763841600.000200', text: 'On-call was paged', blocks });
  });

  it('records exactly the chat.postEphemeral arguments', async () => {
    const message = { channel: 'C0ACMEPROD', user: 'U0OTHER01', text: 'Only the person who asked can escalate', threadTs: '1763841599.000100' };

    await slack.postEphemeral(message);

    const [entry] = await outbox.list();
    expect(entry).toMatchObject({ provider: 'slack', operation: 'chat.postEphemeral' });
    expect(entry?.request).toEqual(postEphemeralArguments(message));
    expect(entry?.request).toEqual({ channel: 'C0ACMEPROD', user: 'U0OTHER01', text: 'Only the person who asked can escalate', thread_ts: '1763841599.000100' });
  });

  it("records a response to a shortcut as the JSON Slack would get, without the response URL", async () => {
    const responseUrl = 'https://hooks.slack.com/app/T0EXAMPLE1/8123456789012/AbCdEfGhIjKlMnOpQrStUvWx';

    await slack.respond(responseUrl, { text: 'Invite @Switchboard to #ext-acme' });

    const [entry] = await outbox.list();
    expect(entry).toMatchObject({ provider: 'slack', operation: 'response_url' });
    expect(entry?.request).toEqual({ response_type: 'ephemeral', replace_original: false, text: 'Invite @Switchboard to #ext-acme' });
    expect(JSON.stringify(entry)).not.toContain('AbCdEfGhIjKlMnOpQrStUvWx');
  });

  it('records nothing it was not asked to send: no blocks or thread when there are none', async () => {
    await slack.postMessage({ channel: 'C0ACMEPROD', text: 'plain' });

    const [entry] = await outbox.list();
    expect(entry?.request).toEqual({ channel: 'C0ACMEPROD', text: 'plain', unfurl_links: false });
  });

  it('finds a post it recorded, by its effect key, with the ts it answered', async () => {
    const posted = await slack.postMessage({ channel: 'C0ACMEPROD', threadTs: '1763841599.000100', text: 'notice', effectKey: 'after-hours.notice:x' });
    await slack.postMessage({ channel: 'C0ACMEPROD', threadTs: '1763841599.000100', text: 'other', effectKey: 'after-hours.notice:y' });

    const since = new Date(clock.now().getTime() - 60_000);
    expect(await slack.findMessage({ channel: 'C0ACMEPROD', threadTs: '1763841599.000100', effectKey: 'after-hours.notice:x', since })).toEqual(posted);
    expect(await slack.findMessage({ channel: 'C0ACMEPROD', threadTs: '1763841599.000100', effectKey: 'after-hours.notice:z', since })).toBeUndefined();
    expect(await slack.findMessage({ channel: 'C0OTHER001', effectKey: 'after-hours.notice:x', since })).toBeUndefined();
    expect(await slack.findMessage({ channel: 'C0ACMEPROD', effectKey: 'after-hours.notice:x', since: new Date(clock.now().getTime() + 1) })).toBeUndefined();
  });
});
