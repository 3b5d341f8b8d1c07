// Takes the README's screenshots of the console: `npm run docs:screenshots` (needs Debian's chromium).
// A local Switchboard on a fixed Sunday evening, Slack and Twilio answered by the test fakes, a few
// customer messages, a team member's, a page that failed once; then the runs page and a failed run's page.
import { IncidentStore } from '../functions/paging/incident-store';
import { main } from '../infra/cli/main';
import { openTarget } from '../infra/admin/target';
import { startConsoleServer } from '../infra/console/console-server';
import { createEvent } from '../shared/events/validate-event';
import { FakeSlackApi } from '../test/support/fake-slack-api';
import { FakeTwilioApi, twilioAnswers } from '../test/support/fake-twilio-api';
import { launchHeadlessChromium } from '../test/support/headless-chromium';
import { startLocalSwitchboard, TEST_SIGNING_SECRET } from '../test/support/local-switchboard';
import { ManualClock } from '../test/support/manual-clock';

const SUNDAY_EVENING = '2026-11-22T20:00:00-08:00';

const slack = await FakeSlackApi.start();
const twilio = await FakeTwilioApi.start();
const clock = new ManualClock(SUNDAY_EVENING);
const switchboard = await startLocalSwitchboard({ clock, slack, twilio });
const target = await openTarget({ env: { SWITCHBOARD_DATA_DIR: switchboard.dataDir, SWITCHBOARD_NOW: SUNDAY_EVENING }, write: true });
const env = { SWITCHBOARD_DATA_DIR: switchboard.dataDir, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET };
const quiet = { stdout: () => undefined, stderr: () => undefined, env };

await main(['simulate', 'slack-message', '--text', 'Checkout returns 502 for every customer'], quiet);
clock.advance(4 * 60_000);
await main(['simulate', 'slack-message', '--team', 'T0EXAMPLE1', '--user', 'U0TEAMMATE1', '--text', 'Looking into it'], quiet);
clock.advance(3 * 60_000);
twilio.script(twilioAnswers.invalidToNumber('+15555550101'));
await target.bus.publish([
  createEvent('incident.open.requested', {
    eventId: 'cli:0b7c9a52-6f0e-4c4f-9a43-1d2e3f405162',
    receivedAt: clock.now().toISOString(),
    provider: 'switchboard',
    severity: 'P0',
    customer: 'Acme Corp',
    excerpt: 'Checkout returns 502',
    requestedBy: 'dana',
  }),
]);
await switchboard.tick();
await switchboard.drain();
clock.advance(2 * 60_000);
await main(['simulate', 'slack-message', '--user', 'U0CUSTOMER2', '--text', 'Same here, our orders are failing'], quiet);
const failed = (await target.runs.list({ status: 'failed', limit: 1 }))[0];
if (failed === undefined || (await new IncidentStore(target.table, target.clock).list()).length === 0) throw new Error('the scenario did not make a failed page');

const running = await startConsoleServer({ target });
const browser = await launchHeadlessChromium({ width: 1200, height: 760 });
try {
  const page = await browser.context.newPage();
  await page.goto(running.url);
  await page.goto(`${running.origin}/runs`);
  await page.screenshot({ path: 'docs/console-runs.png' });
  await page.goto(`${running.origin}/run?id=${encodeURIComponent(failed.runId)}`);
  await page.screenshot({ path: 'docs/console-run.png', fullPage: true });
} finally {
  await browser.close();
  await running.close();
  await target.close();
  await switchboard.dispose();
  await twilio.close();
  await slack.close();
}
process.stdout.write('docs/console-runs.png, docs/console-run.png\n');
