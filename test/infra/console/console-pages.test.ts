import { readFile } from 'node:fs/promises';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTarget, type Target } from '../../../infra/admin/target';
import { createConsoleApp, DEFAULT_LIVE_POLL_MS } from '../../../infra/console/console-app';
import { newConsoleSecrets } from '../../../infra/console/console-security';
import { FailedDeliveries } from '../../../infra/local/failed-deliveries';
import { IncidentStore } from '../../../functions/paging/incident-store';
import { parseConfig } from '../../../shared/config/parse-config';
import { createEvent } from '../../../shared/events/validate-event';
import { REDACTED } from '../../../shared/log/redact';
import { openConsoleSession, type ConsoleSession } from '../../support/console-session';
import { FakeSlackApi } from '../../support/fake-slack-api';
import { startLocalSwitchboard, type LocalSwitchboard } from '../../support/local-switchboard';
import { ManualClock } from '../../support/manual-clock';
import { postSlackMessage } from '../../support/slack-requests';

const SUNDAY_EVENING = '2026-11-22T20:00:00-08:00';
const MESSAGE_TEXT = 'Our production cluster is down since 7pm, please help';

/** Reads a server-sent events response until an event of `type` whose data contains `needle` arrives. */
async function readEventsUntil(response: Response, type: string, needle: string): Promise<string> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the stream ended before a ${type} event with ${needle}: ${text}`);
      text += decoder.decode(value, { stream: true });
      const found = text.split('\n\n').find((message) => message.includes(`event: ${type}\n`) && message.includes(needle));
      if (found !== undefined) return found;
    }
  } finally {
    await reader.cancel();
  }
}

describe('the console pages on a local Switchboard', () => {
  let slack: FakeSlackApi;
  let switchboard: LocalSwitchboard;
  let target: Target;
  let app: Hono;
  let session: ConsoleSession;

  /** An incident opened as `switchboard incidents open` opens one, and processed. */
  async function openIncident(customer: string): Promise<string> {
    const event = createEvent('incident.open.requested', {
      eventId: `cli:${customer}`,
      receivedAt: switchboard.clock.now().toISOString(),
      provider: 'switchboard',
      severity: 'P0',
      customer,
      excerpt: 'checkout is down',
      requestedBy: 'the test',
    });
    await target.bus.publish([event]);
    await switchboard.tick();
    await switchboard.drain();
    const incident = (await new IncidentStore(target.table, target.clock).list({ limit: 50 })).find((each) => each.customer === customer);
    if (incident === undefined) throw new Error(`no incident for ${customer}`);
    return incident.id;
  }

  beforeAll(async () => {
    slack = await FakeSlackApi.start();
    switchboard = await startLocalSwitchboard({ clock: new ManualClock(SUNDAY_EVENING), slack });
    target = await openTarget({ env: { SWITCHBOARD_DATA_DIR: switchboard.dataDir, SWITCHBOARD_NOW: SUNDAY_EVENING }, write: true });
    const secrets = newConsoleSecrets();
    app = createConsoleApp({ target, secrets, port: 4711, livePollMs: 10 });
    session = await openConsoleSession(app, secrets);
  });
  afterAll(async () => {
    await target.close();
    await switchboard.dispose();
    await slack.close();
  });

  describe('runs', () => {
    let eventId: string;

    beforeAll(async () => {
      ({ eventId } = await postSlackMessage(switchboard, { postedAt: SUNDAY_EVENING, text: MESSAGE_TEXT }));
      await switchboard.drain();
    });

    it('lists runs newest first, each with its full id, status and what happened, live', async () => {
      const response = await session.get('/runs');
      const html = await response.text();

      expect(response.status).toBe(200);
      expect(html).toContain(`<code>after-hours:${eventId}</code>`);
      expect(html).toContain('post after-hours notice: replied in thread');
      expect(html).toMatch(/<th scope="col">Run id<\/th>/);
      expect(html).toMatch(/data-live="\/runs\/live\?after=/);
      expect(html).toContain('<caption>Runs, newest first</caption>');
    });

    it('filters by automation and status, and says when nothing matches', async () => {
      const afterHours = await (await session.get('/runs?automation=after-hours&status=succeeded')).text();
      const paging = await (await session.get('/runs?automation=paging')).text();

      expect(afterHours).toContain(`after-hours:${eventId}`);
      expect(afterHours).not.toContain(`first-response:${eventId}`);
      expect(paging).not.toContain(`<code>after-hours:${eventId}</code>`);
      expect(paging).toContain('No runs match these filters.');
    });

    it('filters by customer (their designated channels) and by channel', async () => {
      const acme = await (await session.get('/runs?customer=Acme%20Corp')).text();
      const otherChannel = await (await session.get('/runs?channel=C0OTHER')).text();

      expect(acme).toContain(`after-hours:${eventId}`);
      expect(otherChannel).not.toContain(`<code>after-hours:${eventId}</code>`);
    });

    it('filters by time range, in the business time zone, and turns the live updates off for a past range', async () => {
      const before = await (await session.get('/runs?to=2026-11-22T19:59')).text();
      const around = await (await session.get('/runs?from=2026-11-22T19:59&to=2026-11-22T20:01')).text();
      const lastHour = await (await session.get('/runs?range=1h')).text();

      expect(before).not.toContain(`<code>after-hours:${eventId}</code>`);
      expect(before).toContain('Live updates are off');
      expect(around).toContain(`after-hours:${eventId}`);
      expect(lastHour).toContain(`after-hours:${eventId}`);
      expect(lastHour).toContain('data-live=');
    });

    it('says in a filtered run’s row which filter stopped it, and why', async () => {
      const { eventId: elsewhere } = await postSlackMessage(switchboard, { postedAt: SUNDAY_EVENING, channel: 'C0ELSEWHERE' });
      await switchboard.drain();

      const html = await (await session.get('/runs?status=filtered')).text();

      const row = new RegExp(`<tr data-run-id="after-hours:${elsewhere}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
      expect(row).toContain('<span class="status status-filtered">filtered</span>');
      expect(row).toContain('<td data-label="What happened" class="summary">designated customer channel: C0ELSEWHERE is not a designated customer channel</td>');
    });

    it('finds the runs of an event by its id', async () => {
      const html = await (await session.get(`/runs?event=${eventId}`)).text();

      expect(html).toContain(`after-hours:${eventId}`);
      expect(html).toContain(`first-response:${eventId}`);
      expect(html).toContain(`The runs of event ${eventId}`);
    });

    it('refuses unknown names, listing the known ones', async () => {
      const html = await (await session.get('/runs?automation=zapier&status=maybe')).text();

      expect(html).toContain('There is no automation &quot;zapier&quot;; the automations are after-hours, paging');
      expect(html).toContain('&quot;maybe&quot; is not a run status');
      expect(html).toContain('role="alert"');
    });

    it('looks for new runs four times a second unless told otherwise, so that a run shows within a second of its end', () => {
      expect(DEFAULT_LIVE_POLL_MS).toBe(250);
    });

    it('streams a run that finishes after the page was rendered, as a row (server-sent events)', async () => {
      const page = await (await session.get('/runs')).text();
      const live = /data-live="([^"]+)"/.exec(page)?.[1]?.replace(/&amp;/g, '&') as string;
      const stream = await session.get(live);
      expect(stream.headers.get('content-type')).toContain('text/event-stream');

      const { eventId: later } = await postSlackMessage(switchboard, { postedAt: SUNDAY_EVENING, text: 'A second message', user: 'U0CUSTOMER2' });
      await switchboard.drain();
      const message = await readEventsUntil(stream, 'run', `after-hours:${later}`);

      const data = JSON.parse(/^data: (.*)$/m.exec(message)?.[1] as string) as { runId: string; html: string; summary: string };
      expect(data.runId).toBe(`after-hours:${later}`);
      expect(data.html).toMatch(/^<tr data-run-id="after-hours:/);
      expect(data.summary).toContain('after-hours succeeded');
    });
  });

  describe('a run', () => {
    let eventId: string;

    beforeAll(async () => {
      ({ eventId } = await postSlackMessage(switchboard, { postedAt: SUNDAY_EVENING, text: MESSAGE_TEXT, user: 'U0CUSTOMER3' }));
      await switchboard.drain();
    });

    it('shows the trigger with personal data masked, the steps as a timeline, and the side effects with their keys', async () => {
      const response = await session.get(`/run?id=${encodeURIComponent(`after-hours:${eventId}`)}`);
      const html = await response.text();

      expect(response.status).toBe(200);
      expect(html).toContain(`<h1>Run after-hours:${eventId}</h1>`);
      expect(html).toContain('slack.message.posted');
      expect(html).not.toContain(MESSAGE_TEXT);
      expect(html).toContain(REDACTED);
      expect(html).toContain('<ol class="timeline">');
      expect(html).toContain('designated customer channel');
      expect(html).toContain('post after-hours notice');
      expect(html).toMatch(/<code>after-hours\.notice:C0ACMEPROD:U0CUSTOMER3:[^<]+<\/code>/);
      expect(html).toContain('<span class="status status-done">done</span>');
      expect(html).not.toContain('>Replay</button>');
    });

    it('offers Replay on a failed run; the replay runs the missing step only, as a new run linked to it', async () => {
      slack.script('chat.postMessage', { status: 200, body: { ok: false, error: 'channel_not_found' } });
      const { eventId: failing } = await postSlackMessage(switchboard, { postedAt: SUNDAY_EVENING, user: 'U0CUSTOMER4' });
      await switchboard.drain();
      const runId = `after-hours:${failing}`;
      const page = await (await session.get(`/run?id=${encodeURIComponent(runId)}`)).text();
      expect(page).toContain('<span class="status status-failed">failed</span>');
      expect(page).toContain('>Replay</button>');

      const replayed = await session.post('/run/replay', { id: runId });
      expect(replayed.status).toBe(303);
      const location = replayed.headers.get('location') as string;
      expect(location).toBe(`/run?id=${encodeURIComponent(`${runId}#replay-1`)}`);
      const queued = await (await session.get(location)).text();
      expect(queued).toContain('This replay is queued');
      expect(queued).toContain('data-watch="/run/watch?id=');

      const posts = slack.callsTo('chat.postMessage').length;
      await switchboard.tick();
      await switchboard.drain();

      const done = await (await session.get(location)).text();
      expect(done).toContain('<span class="status status-succeeded">succeeded</span>');
      expect(done).toContain('Replay of');
      expect(slack.callsTo('chat.postMessage').length).toBe(posts + 1);
    });

    it('follows the rules of a bulk replay: Replay only on the latest failed attempt, and a recovered run says by which replay', async () => {
      slack.script('chat.postMessage', { status: 200, body: { ok: false, error: 'channel_not_found' } }, { status: 200, body: { ok: false, error: 'channel_not_found' } });
      const { eventId: failing } = await postSlackMessage(switchboard, { postedAt: SUNDAY_EVENING, user: 'U0CUSTOMER7' });
      await switchboard.drain();
      const runId = `after-hours:${failing}`;
      expect((await session.post('/run/replay', { id: runId })).status).toBe(303);
      await switchboard.tick();
      await switchboard.drain();
      expect(await target.runs.get(`${runId}#replay-1`)).toMatchObject({ status: 'failed' });

      const original = await (await session.get(`/run?id=${encodeURIComponent(runId)}`)).text();
      expect(original).not.toContain('>Replay</button>');
      expect(original).toContain('Not replayed from here: its latest attempt');
      const refused = await session.post('/run/replay', { id: runId });
      expect(refused.status).toBe(409);
      expect(await refused.text()).toContain(`its latest attempt is ${runId}#replay-1, which failed too: replay that one`);

      expect(await (await session.get(`/run?id=${encodeURIComponent(`${runId}#replay-1`)}`)).text()).toContain('>Replay</button>');
      const replayed = await session.post('/run/replay', { id: `${runId}#replay-1` });
      expect(replayed.headers.get('location')).toBe(`/run?id=${encodeURIComponent(`${runId}#replay-2`)}`);
      await switchboard.tick();
      await switchboard.drain();

      const recovered = await (await session.get(`/run?id=${encodeURIComponent(runId)}`)).text();
      expect(recovered).toContain('<dt>Recovered by</dt>');
      expect(recovered).toContain(`<code>${runId}#replay-2</code>`);
      expect(recovered).not.toContain('>Replay</button>');
      const list = await (await session.get('/runs?status=failed')).text();
      expect(list).toContain(`recovered by ${runId}#replay-2`);
      const again = await session.post('/run/replay', { id: runId });
      expect(again.status).toBe(409);
      expect(await again.text()).toContain(`recovered by ${runId}#replay-2`);
    });

    it('says when there is no such run (404)', async () => {
      const response = await session.get('/run?id=after-hours%3AEv0NOPE');

      expect(response.status).toBe(404);
      expect(await response.text()).toContain('There is no run after-hours:Ev0NOPE.');
    });

    it('replays only failed runs (409)', async () => {
      const response = await session.post('/run/replay', { id: `after-hours:${eventId}` });

      expect(response.status).toBe(409);
    });
  });

  describe('incidents, timers and the outbox', () => {
    let first: string;
    let second: string;

    beforeAll(async () => {
      first = await openIncident('Globex');
      second = await openIncident('Initech');
    });

    it('lists incidents open first, with the escalation so far and an Acknowledge form', async () => {
      const html = await (await session.get('/incidents')).text();

      expect(html).toContain('P0 for Globex');
      expect(html).toContain('<span class="status status-paging">paging</span>');
      expect(html).toMatch(/Page 1 of 8<\/strong> to Dana \(VP Customer Success\)/);
      expect(html).toContain('Next page</strong> unless someone acknowledges');
      expect(html).toContain(`<input type="hidden" name="incident" value="${first}"/>`);
      expect(html).toContain(`Acknowledge ${first}`);
      expect(html).toMatch(/<label for="ack-by-INC-[A-Z0-9]+">Who is on it<\/label>/);
    });

    it('lists the escalation timers, soonest first', async () => {
      const html = await (await session.get('/timers')).text();

      expect(html).toContain(`<code>paging:${first}:escalate:0</code>`);
      expect(html).toContain(`<code>${first}/0</code>`);
      expect(html).toContain('2026-11-22 20:05:00 PT');
    });

    it('shows what the dry-run providers would have sent, by provider', async () => {
      const all = await (await session.get('/outbox')).text();
      const twilio = await (await session.get('/outbox?provider=twilio')).text();
      const github = await (await session.get('/outbox?provider=github')).text();

      expect(all).toContain('messages.create');
      expect(twilio).toContain('Recorded twilio calls');
      expect(twilio).toContain('+15555550101');
      expect(github).toContain('No github calls in the outbox.');
    });

    it('acknowledges an incident naming who: escalation stops, and the page says who', async () => {
      const asked = await session.post('/incidents/ack', { incident: second, by: 'Robin' });
      expect(asked.status).toBe(303);
      expect(asked.headers.get('location')).toBe(`/incidents?requested=${second}#${second}`);
      const waiting = await (await session.get(`/incidents?requested=${second}`)).text();
      expect(waiting).toContain(`The acknowledgement of ${second} is requested`);
      expect(waiting).toContain(`data-watch="/incidents/watch?id=${second}&amp;seen=paging"`);

      await switchboard.tick();
      await switchboard.drain();

      const done = await (await session.get(`/incidents?requested=${second}`)).text();
      expect(done).toContain(`${second} is acknowledged by Robin: escalation stopped.`);
      expect(done).toContain('Acknowledged by Robin</strong>');
      const timers = await (await session.get('/timers')).text();
      expect(timers).not.toContain(`paging:${second}:escalate`);
      expect(timers).toContain(`paging:${first}:escalate:0`);
      // Open first: Globex (still paging) comes before Initech (acknowledged).
      expect(done.indexOf('P0 for Globex')).toBeLessThan(done.indexOf('P0 for Initech'));
    });

    it('refuses an acknowledgement that names nobody (409)', async () => {
      const response = await session.post('/incidents/ack', { incident: first, by: '  ' });

      expect(response.status).toBe(409);
      expect((await new IncidentStore(target.table, target.clock).get(first))?.status).toBe('paging');
    });

    it('counts open incidents on the overview', async () => {
      const html = await (await session.get('/')).text();

      expect(html).toMatch(/<span class="number">1<\/span> open incident</);
      expect(html).toContain(`<a href="/incidents#${first}">${first}</a>`);
    });
  });

  describe('deliveries', () => {
    it('lists failed deliveries and redrives one, once', async () => {
      const { eventId } = await postSlackMessage(switchboard, { postedAt: SUNDAY_EVENING, user: 'U0CUSTOMER5' });
      await switchboard.drain();
      const run = await target.runs.get(`after-hours:${eventId}`);
      await new FailedDeliveries(target.table, target.clock).record('after-hours', run!.event, new Error('slack chat.postMessage failed: HTTP 500'), 3);

      const listed = await (await session.get('/deliveries')).text();
      expect(listed).toContain(`<code>after-hours:${eventId}</code>`);
      expect(listed).toContain('slack chat.postMessage failed: HTTP 500');
      expect(listed).toContain(`aria-label="Redrive after-hours:${eventId}"`);

      const redriven = await session.post('/deliveries/redrive', { id: `after-hours:${eventId}` });
      const again = await session.post('/deliveries/redrive', { id: `after-hours:${eventId}` });

      expect(redriven.headers.get('location')).toBe(`/deliveries?redriven=${encodeURIComponent(`after-hours:${eventId}`)}`);
      expect(again.headers.get('location')).toBe(`/deliveries?gone=${encodeURIComponent(`after-hours:${eventId}`)}`);
      const after = await (await session.get(`/deliveries?redriven=${encodeURIComponent(`after-hours:${eventId}`)}`)).text();
      expect(after).toContain(`Redriven after-hours:${eventId}`);
      expect(after).toContain('No failed deliveries');
    });
  });

  describe('deliveries recovered since', () => {
    it('says which replay recovered the run of a failed delivery', async () => {
      slack.script('chat.postMessage', { status: 200, body: { ok: false, error: 'channel_not_found' } });
      const { eventId } = await postSlackMessage(switchboard, { postedAt: SUNDAY_EVENING, user: 'U0CUSTOMER8' });
      await switchboard.drain();
      const run = await target.runs.get(`after-hours:${eventId}`);
      expect(run).toMatchObject({ status: 'failed' });
      await new FailedDeliveries(target.table, target.clock).record('after-hours', run!.event, new Error('slack chat.postMessage failed: channel_not_found'), 1);
      await target.runs.reserveReplay(run!.runId);
      await target.runs.markRecovered(`${run!.runId}#replay-1`);

      const listed = await (await session.get('/deliveries')).text();

      expect(listed).toContain('Recovered since by');
      expect(listed).toContain(`<code>${run!.runId}#replay-1</code>`);
    });
  });

  describe('configuration', () => {
    beforeAll(async () => {
      const example = await readFile('switchboard.config.example.yaml', 'utf8');
      await target.configs.apply(parseConfig(example.replace('closes: "16:00"', 'closes: "17:00"'), 'later.yaml'), { source: 'later.yaml' });
    });

    it('lists the versions and the designated channels of the one in force', async () => {
      const html = await (await session.get('/config')).text();

      expect(html).toContain('<a href="/config?v=2" aria-current="true">v2</a> (in force)');
      expect(html).toContain('<a href="/config?v=1">v1</a>');
      expect(html).toContain('<code>C0ACMEPROD</code>');
      expect(html).toContain('Acme Corp');
      expect(html).toContain('closes: &quot;17:00&quot;');
    });

    it('shows a diff between any two versions', async () => {
      const html = await (await session.get('/config?from=1&to=2')).text();

      expect(html).toContain('Changes from v1 to v2');
      expect(html).toContain('<code>businessHours.closes</code>');
      expect(html).toContain('<code>&quot;16:00&quot;</code>');
      expect(html).toContain('<code>&quot;17:00&quot;</code>');
    });

    it('shows an earlier version in full, and says when a version does not exist', async () => {
      const v1 = await (await session.get('/config?v=1')).text();
      const v9 = await (await session.get('/config?v=9')).text();

      expect(v1).toContain('closes: &quot;16:00&quot;');
      expect(v9).toContain('There is no configuration v9.');
    });
  });

  describe('the overview', () => {
    it('charts runs per hour by status for 24 hours and 7 days, and says which providers are live', async () => {
      const response = await session.get('/');
      const html = await response.text();

      expect(response.status).toBe(200);
      expect(html).toContain('<title id="chart-day-title">Runs per hour, last 24 hours</title>');
      expect(html).toContain('<title id="chart-week-title">Runs per hour, last 7 days</title>');
      expect(html).toMatch(/role="img"/);
      expect(html).toMatch(/<rect class="bar-succeeded"/);
      expect(html).toMatch(/<rect class="bar-failed"/);
      expect(html).toMatch(/<td data-label="Provider">slack<\/td><td data-label="Mode"><span class="status status-live">live<\/span>/);
      expect(html).toMatch(/<td data-label="Provider">twilio<\/td><td data-label="Mode"><span class="status status-dry-run">dry-run<\/span>/);
      expect(html).toContain('set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER to go live');
      expect(html).toContain('times in America/Los_Angeles');
    });
  });

  it('has a skip link, landmarks, a labelled navigation marking the current page, and a polite live region', async () => {
    const html = await (await session.get('/timers')).text();

    expect(html).toContain('<a class="skip-link" href="#main">Skip to content</a>');
    expect(html).toContain('<main id="main" tabindex="-1">');
    expect(html).toContain('<nav aria-label="Console">');
    expect(html).toContain('<a href="/timers" aria-current="page">Timers</a>');
    expect(html).toContain('role="status" aria-live="polite"');
    expect(html).toContain('<html lang="en">');
  });

  it('answers 404 with a page for an unknown address', async () => {
    const response = await session.get('/zaps');

    expect(response.status).toBe(404);
    expect(await response.text()).toContain('The console has no page /zaps.');
  });

  it('serves its one style sheet and one script itself', async () => {
    const css = await session.get('/assets/console.css');
    const js = await session.get('/assets/console.js');

    expect(css.headers.get('content-type')).toContain('text/css');
    expect(await css.text()).toContain('prefers-color-scheme: dark');
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(await js.text()).toContain('EventSource');
  });
});
