import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackCall } from '../support/fake-slack-api';
import { FakeSlackApi } from '../support/fake-slack-api';
import { startLocalSwitchboard, type LocalSwitchboard } from '../support/local-switchboard';
import { captureLogs, type LogCapture } from '../support/log-capture';
import { ManualClock } from '../support/manual-clock';
import { clickSlackButton, CUSTOMER, CUSTOMER_CHANNEL, postSlackMessage } from '../support/slack-requests';

const SUNDAY_EVENING = '2026-11-22T20:00:00-08:00';

describe('the logs of ordinary contention (double clicks, duplicate deliveries, racing messages)', () => {
  let slack: FakeSlackApi;
  let switchboard: LocalSwitchboard;
  let capture: LogCapture;

  beforeAll(async () => {
    slack = await FakeSlackApi.start();
  });
  afterAll(async () => {
    await slack.close();
  });
  beforeEach(async () => {
    slack.reset();
    capture = captureLogs();
    switchboard = await startLocalSwitchboard({ clock: new ManualClock(SUNDAY_EVENING), slack, env: { LOG_LEVEL: 'INFO' } });
  });
  afterEach(async () => {
    await switchboard.dispose();
    capture.restore();
  });

  it('never log at ERROR: an alarm on errors stays quiet for ordinary traffic', async () => {
    // A customer writes twice at once, and Slack delivers the first message again (a retry).
    const [first] = await Promise.all([
      postSlackMessage(switchboard, { postedAt: SUNDAY_EVENING, text: 'Production is down' }),
      postSlackMessage(switchboard, { postedAt: SUNDAY_EVENING, ts: '1795406400.000900', text: 'Still down, anyone?' }),
    ]);
    await postSlackMessage(switchboard, { postedAt: SUNDAY_EVENING, eventId: first.eventId, ts: first.ts, retryNum: 1 });
    await switchboard.drain();
    // They double-click P0 on the notice, and click once more a little later.
    const notice = slack.succeeded('chat.postMessage')[0] as SlackCall;
    const p0 = (notice.args['blocks'] as { elements?: { action_id: string; value: string }[] }[]).flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'after-hours:escalate-p0')!;
    const click = { user: CUSTOMER, channel: CUSTOMER_CHANNEL, messageTs: (notice.answer.body as { ts: string }).ts, threadTs: first.ts, actionId: p0.action_id, value: p0.value };
    await Promise.all([clickSlackButton(switchboard, click), clickSlackButton(switchboard, click)]);
    await switchboard.drain();
    await clickSlackButton(switchboard, click);
    await switchboard.drain();

    const lines = capture.lines();
    expect(slack.succeeded('chat.update')).toHaveLength(1);
    expect(lines.find((line) => line['message'] === 'duplicate delivery acked')).toMatchObject({ level: 'INFO', provider: 'slack' });
    expect(lines.filter((line) => line['level'] === 'ERROR' || line['level'] === 'CRITICAL')).toEqual([]);
  });
});
