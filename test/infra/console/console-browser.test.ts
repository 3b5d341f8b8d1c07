import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentStore } from '../../../functions/paging/incident-store';
import { main } from '../../../infra/cli/main';
import { openTarget, type Target } from '../../../infra/admin/target';
import { runHref } from '../../../infra/console/components/run-row';
import { startConsoleServer, type RunningConsole } from '../../../infra/console/console-server';
import { CONSOLE_PAGES } from '../../../infra/console/pages/layout';
import { FailedDeliveries } from '../../../infra/local/failed-deliveries';
import { parseConfig } from '../../../shared/config/parse-config';
import { createEvent } from '../../../shared/events/validate-event';
import type { RunRecord } from '../../../shared/runs/run';
import { FakeSlackApi } from '../../support/fake-slack-api';
import { FakeTwilioApi, twilioAnswers } from '../../support/fake-twilio-api';
import { launchHeadlessChromium, type HeadlessChromium } from '../../support/headless-chromium';
import { startLocalSwitchboard, TEST_SIGNING_SECRET, type LocalSwitchboard } from '../../support/local-switchboard';
import { ManualClock } from '../../support/manual-clock';

const SUNDAY_EVENING = '2026-11-22T20:00:00-08:00';
const DANA = '+15555550101';

describe('the console in a browser (headless Chromium)', { timeout: 60_000 }, () => {
  let slack: FakeSlackApi;
  let twilio: FakeTwilioApi;
  let switchboard: LocalSwitchboard;
  let target: Target;
  let consoleServer: RunningConsole;
  let browser: HeadlessChromium;
  let page: Page;

  /** An incident opened as `switchboard incidents open` does, processed by the runtime; its id. */
  async function openIncident(customer: string): Promise<string> {
    await target.bus.publish([
      createEvent('incident.open.requested', {
        eventId: `cli:${customer}`,
        receivedAt: switchboard.clock.now().toISOString(),
        provider: 'switchboard',
        severity: 'P0',
        customer,
        excerpt: 'checkout is down',
        requestedBy: 'the browser test',
      }),
    ]);
    await processQueued();
    return `INC-${(await new IncidentStore(target.table, target.clock).list({ limit: 50 })).find((incident) => incident.customer === customer)?.id.slice(4)}`;
  }

  /** What the runtime's poller does every second: picks up what the console queued, and runs it. */
  async function processQueued(): Promise<void> {
    await switchboard.tick();
    await switchboard.drain();
  }

  beforeAll(async () => {
    slack = await FakeSlackApi.start();
    twilio = await FakeTwilioApi.start();
    switchboard = await startLocalSwitchboard({ clock: new ManualClock(SUNDAY_EVENING), slack, twilio });
    target = await openTarget({ env: { SWITCHBOARD_DATA_DIR: switchboard.dataDir, SWITCHBOARD_NOW: SUNDAY_EVENING }, write: true });
    // The default interval of live pages, as `switchboard console` runs.
    consoleServer = await startConsoleServer({ target });
    browser = await launchHeadlessChromium();
    page = await browser.context.newPage();
    // A guard for a stuck page, not a measure: every wait below is for the DOM or an event.
    page.setDefaultTimeout(30_000);
    // The printed address: its token becomes the session cookie, and leaves the address bar.
    await page.goto(consoleServer.url);
    expect(page.url()).toBe(`${consoleServer.origin}/`);
  });
  afterAll(async () => {
    await browser?.close();
    await consoleServer?.close();
    await target?.close();
    await switchboard?.dispose();
    await twilio?.close();
    await slack?.close();
  });

  it('lists a simulated run on the runs page without a reload, once it has finished', async () => {
    await page.goto(`${consoleServer.origin}/runs`);
    // Expressions evaluated in the page (the test's own TypeScript has no DOM).
    await page.evaluate('window.notReloaded = true');

    let printed = '';
    const code = await main(['simulate', 'slack-message', '--text', 'Is anyone there? Checkout fails'], {
      stdout: (text) => {
        printed += text;
      },
      stderr: () => undefined,
      env: { SWITCHBOARD_DATA_DIR: switchboard.dataDir, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET },
    });
    expect(code).toBe(0);
    // `simulate` prints the runs recorded when it looked (first-response's may be the only one yet): the
    // after-hours run is the event's, recorded once the runtime has handled it.
    const eventId = /message event (Ev\w+)/.exec(printed)?.[1] as string;
    await switchboard.drain();
    const runId = `after-hours:${eventId}`;
    expect((await target.runs.get(runId))?.status).toBe('succeeded');

    const row = page.locator(`tr[data-run-id="${runId}"]`);
    await row.waitFor();
    expect(await row.locator('td[data-label="Status"]').textContent()).toBe('succeeded');
    expect(await row.locator('code').textContent()).toBe(runId);
    // The live region is emptied, then filled a moment later (so that screen readers announce it again): wait for its text.
    await expect.poll(() => page.locator('#live-status').textContent()).toMatch(/^New run: (after-hours succeeded|first-response waiting)/);
    expect(await page.evaluate('window.notReloaded')).toBe(true);
  });

  it('replays a failed run from its page: the fake provider receives only the missing step', async () => {
    twilio.script(twilioAnswers.invalidToNumber(DANA));
    const incident = await openIncident('Globex');
    const runId = `paging:cli:Globex`;
    expect((await target.runs.get(runId))?.status).toBe('failed');
    const internalPosts = slack.succeeded('chat.postMessage').length;
    expect(twilio.succeeded()).toHaveLength(0);

    await page.goto(`${consoleServer.origin}/runs?status=failed`);
    await page.getByRole('link', { name: runId }).click();
    await page.getByRole('button', { name: 'Replay' }).click();
    await page.getByText('This replay is queued').waitFor();
    await processQueued();

    // The page watches the queued replay and shows it once it has run.
    await page.locator('h1', { hasText: `Run ${runId}#replay-1` }).waitFor();
    await page.locator('.status-succeeded, .status-waiting').first().waitFor();
    expect(await page.getByText('Replay of').count()).toBe(1);
    expect(slack.succeeded('chat.postMessage')).toHaveLength(internalPosts);
    expect(twilio.succeeded().map((message) => message.to)).toEqual([DANA]);
    expect((await new IncidentStore(target.table, target.clock).pages(incident)).map((sent) => sent.to)).toEqual(['Dana (VP Customer Success)']);
  });

  it('acknowledges an incident from the console, naming who: paging stops', async () => {
    const incident = await openIncident('Initech');
    const { code } = (await new IncidentStore(target.table, target.clock).get(incident))!;
    const pagedBefore = twilio.succeeded().length;

    await page.goto(`${consoleServer.origin}/incidents`);
    const section = page.locator(`section#${incident}`);
    await section.getByLabel('Who is on it').fill('Robin');
    await section.getByRole('button', { name: `Acknowledge ${incident}` }).click();
    await page.getByText(`The acknowledgement of ${incident} is requested`).waitFor();
    await processQueued();

    await page.locator(`section#${incident}`).getByText('Acknowledged by Robin').waitFor();
    // Past the ACK timeout, nobody else is paged.
    switchboard.clock.advance(10 * 60_000);
    await processQueued();
    expect(twilio.succeeded().slice(pagedBefore).filter((message) => message.body?.includes(code))).toEqual([]);
    expect((await new IncidentStore(target.table, target.clock).get(incident))).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'Robin', step: 0 });
  });

  it('is usable with the keyboard alone, at 320 px wide and in dark mode', async () => {
    const narrow = await browser.context.newPage();
    try {
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: consoleServer.origin });
      await narrow.setViewportSize({ width: 320, height: 640 });
      await narrow.emulateMedia({ colorScheme: 'dark' });
      await narrow.goto(`${consoleServer.origin}/runs`);

      // The first Tab reaches the skip link, shown when focused; Enter moves to the page's content.
      await narrow.keyboard.press('Tab');
      expect(await narrow.evaluate('document.activeElement?.textContent')).toBe('Skip to content');
      expect((await narrow.locator('.skip-link').boundingBox())?.y).toBeGreaterThanOrEqual(0);
      await narrow.keyboard.press('Enter');
      expect(await narrow.evaluate('document.activeElement?.id')).toBe('main');
      await narrow.keyboard.press('Tab');
      expect(await narrow.evaluate('document.activeElement?.id')).toBe('f-automation');

      // A run id is copied with its button, from the keyboard, and the copy is announced.
      const copy = narrow.locator('button.copy').first();
      await copy.focus();
      await narrow.keyboard.press('Enter');
      await narrow.locator('#live-status', { hasText: /^Copied / }).waitFor({ state: 'attached' });
      expect(await narrow.evaluate('navigator.clipboard.readText()')).toBe(await copy.getAttribute('data-copy'));

      // Nothing is wider than the screen, and the page is dark.
      expect(await narrow.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
      expect(await narrow.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgb(13, 17, 23)');
    } finally {
      await narrow.close();
    }
  });

  it('fits every page in 320 px, in dark mode, with everything folded unfolded', async () => {
    // Something on every page: a failed delivery, and a second configuration to compare with the first.
    const run = (await target.runs.page({ automation: 'after-hours', limit: 1 })).runs[0] as RunRecord;
    await new FailedDeliveries(target.table, target.clock).record('after-hours', run.event, new Error('slack chat.postMessage failed: HTTP 500 (a long reason to wrap on a narrow screen)'), 3);
    const example = await readFile('switchboard.config.example.yaml', 'utf8');
    await target.configs.apply(parseConfig(example.replace('closes: "16:00"', 'closes: "17:00"'), 'later.yaml'), { source: 'later.yaml' });
    const failed = (await target.runs.page({ status: 'failed', limit: 1 })).runs[0] as RunRecord;
    const pages = [...CONSOLE_PAGES.map((each) => each.path), runHref(run.runId), runHref(failed.runId), '/config?from=1&to=2', '/config?v=1', '/runs?automation=zapier', '/no-such-page'];
    const narrow = await browser.context.newPage();
    try {
      await narrow.setViewportSize({ width: 320, height: 640 });
      await narrow.emulateMedia({ colorScheme: 'dark' });
      const tooWide: string[] = [];
      for (const path of pages) {
        await narrow.goto(`${consoleServer.origin}${path}`);
        await narrow.evaluate("document.querySelectorAll('details').forEach((details) => { details.open = true; })");
        const width = await narrow.evaluate<number>('document.documentElement.scrollWidth');
        if (width > 320) tooWide.push(`${path}: ${width} px`);
      }

      expect(tooWide).toEqual([]);
      expect(await narrow.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgb(13, 17, 23)');
    } finally {
      await narrow.close();
    }
  });

  it('keeps two consoles open side by side logged in: each port has its own session cookie', async () => {
    // Browsers keep cookies by host, not by port: both consoles' cookies land in this one jar.
    const other = await startConsoleServer({ target });
    const second = await browser.context.newPage();
    try {
      expect(other.port).not.toBe(consoleServer.port);
      await second.goto(other.url);

      const first = await page.goto(`${consoleServer.origin}/runs`);
      const again = await second.goto(`${other.origin}/runs`);

      expect(first?.status()).toBe(200);
      expect(again?.status()).toBe(200);
      expect((await browser.context.cookies('http://127.0.0.1/')).filter((cookie) => cookie.name.startsWith('switchboard_console'))).toHaveLength(2);
    } finally {
      await second.close();
      await other.close();
    }
  });

  it('answers 401 to a browser without the token', async () => {
    const stranger = await launchHeadlessChromium();
    try {
      const response = await (await stranger.context.newPage()).goto(`${consoleServer.origin}/runs`);

      expect(response?.status()).toBe(401);
    } finally {
      await stranger.close();
    }
  });

  it('refuses a POST from a page of another origin, even in the browser that holds the session', async () => {
    const incident = await openIncident('Umbrella');
    // Another site on this machine (another port of 127.0.0.1 is the same site, so the cookie goes along).
    const evil: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        `<!doctype html><form id="f" method="post" action="${consoleServer.origin}/incidents/ack"><input name="incident" value="${incident}"><input name="by" value="Mallory"><input name="csrf" value="guessed"></form><script>document.getElementById('f').submit()</script>`,
      );
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    try {
      // The page posts its form as soon as it loads.
      const [refused] = await Promise.all([
        page.waitForResponse((response) => response.url() === `${consoleServer.origin}/incidents/ack`),
        page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`, { waitUntil: 'commit' }),
      ]);

      expect(refused.status()).toBe(403);
      expect(refused.request().headers()['origin']).toBe(`http://127.0.0.1:${(evil.address() as AddressInfo).port}`);
      await processQueued();
      expect((await new IncidentStore(target.table, target.clock).get(incident))?.status).toBe('paging');
    } finally {
      evil.closeAllConnections();
      await new Promise<void>((resolve) => evil.close(() => resolve()));
    }
  });
});
