import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { afterHours } from '../../functions/after-hours/automation';
import { IncidentStore } from '../../functions/paging/incident-store';
import { paging } from '../../functions/paging/automation';
import { createEvent } from '../../shared/events/validate-event';
import { FakeSlackApi, type SlackCall } from '../support/fake-slack-api';
import { startLocalSwitchboard, type LocalSwitchboard } from '../support/local-switchboard';
import { ManualClock } from '../support/manual-clock';
import { clickSlackButton, COMPANY_TEAM, CUSTOMER_CHANNEL, postSlackMessage } from '../support/slack-requests';

// Labor Day weekend 2026: closed from Friday, September 4 at 16:00 PT to Tuesday, September 8 at 06:00 PT.
const DIGEST_CHANNEL = 'C0CUSTSUCC1';
const FRIDAY_EVENING = '2026-09-04T18:30:00-07:00';
const SATURDAY_MORNING = '2026-09-05T11:00:00-07:00';
const LABOR_DAY = '2026-09-07T09:00:00-07:00';
const TUESDAY_OPENING = '2026-09-08T06:00:00-07:00';

describe('the overnight digest, over HTTP with a fake Slack API', () => {
  let slack: FakeSlackApi;
  let switchboard: LocalSwitchboard;

  beforeAll(async () => {
    slack = await FakeSlackApi.start();
  });
  afterAll(async () => {
    await slack.close();
  });
  beforeEach(async () => {
    slack.reset();
    switchboard = await startLocalSwitchboard({ clock: new ManualClock(FRIDAY_EVENING), slack, options: { automations: [afterHours, paging] } });
  });
  afterEach(async () => {
    await switchboard.dispose();
  });

  const digests = () => slack.callsTo('chat.postMessage').filter((call) => call.args['channel'] === DIGEST_CHANNEL);

  async function at<T>(instant: string, send: () => Promise<T>): Promise<T> {
    switchboard.clock.set(instant);
    const sent = await send();
    await switchboard.drain();
    return sent;
  }

  async function openingAt(instant: string) {
    switchboard.clock.set(instant);
    await switchboard.tick();
    await switchboard.drain();
  }

  it('posts once at Tuesday 06:00 after Friday evening, Saturday and Labor Day, in order, with escalations and team replies', async () => {
    const friday = await at(FRIDAY_EVENING, () => postSlackMessage(switchboard, { postedAt: FRIDAY_EVENING, text: 'Deploys fail with 503s since 6pm\nlogs attached' }));
    const saturday = await at(SATURDAY_MORNING, () => postSlackMessage(switchboard, { postedAt: SATURDAY_MORNING, user: 'U0CUSTOMER2', text: 'Production is down for all our users' }));
    // The Saturday customer escalates from the notice in their thread, and Dana acknowledges the page.
    const notice = slack.callsTo('chat.postMessage').find((call) => call.args['thread_ts'] === saturday.ts) as SlackCall;
    const p0 = (notice.args['blocks'] as { elements?: { action_id: string; value: string }[] }[]).flatMap((block) => block.elements ?? []).find((element) => element.action_id === 'after-hours:escalate-p0')!;
    await at('2026-09-05T11:05:00-07:00', () =>
      clickSlackButton(switchboard, { user: 'U0CUSTOMER2', channel: CUSTOMER_CHANNEL, messageTs: (notice.answer.body as { ts: string }).ts, threadTs: saturday.ts, actionId: p0.action_id, value: p0.value }),
    );
    const [incident] = await new IncidentStore(switchboard.platform.table, switchboard.clock).list();
    await at('2026-09-05T11:09:00-07:00', () =>
      switchboard.platform.bus.publish([
        createEvent('incident.ack.requested', { eventId: 'ack:dana', receivedAt: switchboard.clock.now().toISOString(), provider: 'switchboard', incident: incident!.id, by: 'Dana (VP Customer Success)' }),
      ]).then(() => ({})),
    );
    // A team member answers the Friday message in its thread on Saturday.
    await at('2026-09-05T12:00:00-07:00', () => postSlackMessage(switchboard, { postedAt: '2026-09-05T12:00:00-07:00', user: 'U0TEAMMATE1', userTeam: COMPANY_TEAM, threadTs: friday.ts, text: 'Looking into it' }));
    const holiday = await at(LABOR_DAY, () => postSlackMessage(switchboard, { postedAt: LABOR_DAY, text: 'Any update on the 503s?' }));

    // A restart before the opening: the digest's timer is an item of the store, and survives it.
    const dataDir = switchboard.dataDir;
    await switchboard.stop();
    switchboard = await startLocalSwitchboard({ clock: new ManualClock('2026-09-08T05:59:00-07:00'), slack, dataDir, options: { automations: [afterHours, paging] } });
    await openingAt('2026-09-08T05:59:00-07:00');
    expect(digests()).toHaveLength(0);
    const permalinksBefore = slack.callsTo('chat.getPermalink').length;

    await openingAt(TUESDAY_OPENING);

    expect(digests()).toHaveLength(1);
    const [digest] = digests();
    expect(digest?.args['text']).toBe('Overnight: 3 customer messages since Friday, September 4 at 4:00 PM PT');
    const lines = String((digest?.args['blocks'] as { text: { text: string } }[])[1]?.text.text).split('\n• ');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(`*Acme Corp* · Fri 6:30 PM · <https://example.slack.com/archives/${CUSTOMER_CHANNEL}/p${friday.ts.replace('.', '')}|Deploys fail with 503s since 6pm>`);
    expect(lines[0]).toContain('not escalated · :speech_balloon: the team replied in the thread');
    expect(lines[1]).toContain('Sat 11:00 AM');
    expect(lines[1]).toContain(`escalated as P0 (${incident!.id}), acknowledged by Dana (VP Customer Success) · :hourglass: no team reply yet`);
    expect(lines[2]).toContain(`Mon 9:00 AM · <https://example.slack.com/archives/${CUSTOMER_CHANNEL}/p${holiday.ts.replace('.', '')}|Any update on the 503s?>`);
    expect(lines[2]).toContain('not escalated · :hourglass: no team reply yet');
    expect(slack.callsTo('chat.getPermalink')).toHaveLength(permalinksBefore + 3);

    const run = (await switchboard.platform.runs.list({ automation: 'after-hours' })).find((candidate) => candidate.trigger.detailType === 'timer.fired');
    expect(run?.steps.map((step) => [step.name, step.outcome])).toEqual([
      ['an overnight-digest timer', 'passed'],
      ['the overnight digest is configured', 'passed'],
      ['customer messages since the previous closing', 'passed'],
      ['look up escalations', 'done'],
      ['link to the messages', 'done'],
      ['post the overnight digest', 'done'],
    ]);

    // The same timer delivered again, or a replay, finds the digest posted.
    await switchboard.timers.schedule({ id: `after-hours:digest:${new Date(TUESDAY_OPENING).toISOString()}`, automation: 'after-hours', kind: 'overnight-digest', subject: new Date(TUESDAY_OPENING).toISOString(), dueAt: new Date(TUESDAY_OPENING) });
    await openingAt('2026-09-08T06:00:01-07:00');
    expect(digests()).toHaveLength(1);
  });

  it('posts nothing after a quiet night, even one where only the team wrote', async () => {
    await at('2026-09-08T20:00:00-07:00', () => postSlackMessage(switchboard, { postedAt: '2026-09-08T20:00:00-07:00', user: 'U0TEAMMATE1', userTeam: COMPANY_TEAM, text: 'Maintenance tonight' }));
    await at('2026-09-08T20:10:00-07:00', () =>
      postSlackMessage(switchboard, { postedAt: '2026-09-08T20:10:00-07:00', user: 'U0TEAMMATE1', userTeam: COMPANY_TEAM, threadTs: '1788900000.000100', text: 'Done' }),
    );

    await openingAt('2026-09-09T06:00:00-07:00');

    expect(digests()).toHaveLength(0);
    expect(await switchboard.timers.list()).toEqual([]);
  });

  it('lists only the night that ended: a message after the opening waits for the next digest', async () => {
    await at('2026-09-08T17:00:00-07:00', () => postSlackMessage(switchboard, { postedAt: '2026-09-08T17:00:00-07:00', text: 'Tuesday night question' }));
    await openingAt('2026-09-09T06:00:00-07:00');
    await at('2026-09-09T17:00:00-07:00', () => postSlackMessage(switchboard, { postedAt: '2026-09-09T17:00:00-07:00', text: 'Wednesday night question' }));
    await openingAt('2026-09-10T06:00:00-07:00');

    expect(digests().map((call) => call.args['text'])).toEqual([
      'Overnight: 1 customer message since Tuesday, September 8 at 4:00 PM PT',
      'Overnight: 1 customer message since Wednesday, September 9 at 4:00 PM PT',
    ]);
    expect(JSON.stringify(digests()[0]?.args['blocks'])).toContain('Tuesday night question');
    expect(JSON.stringify(digests()[1]?.args['blocks'])).not.toContain('Tuesday night question');
  });
});
