import { describe, expect, it } from 'vitest';
import { startBanner, type BannerInput } from '../../../infra/local/banner';
import type { ClockStatus } from '../../../infra/local/banner-clock';

const closed: ClockStatus = { fixedStart: undefined, open: false, now: 'Sunday, November 29 at 8:00 PM PT', changesAt: 'Monday, November 30 at 6:00 AM PT' };
const open: ClockStatus = {
  fixedStart: undefined,
  open: true,
  now: 'Monday, November 30 at 10:30 AM PT',
  changesAt: 'Monday, November 30 at 4:00 PM PT',
  afterHoursExample: { at: '2026-11-30T16:00', instant: '2026-11-30T16:00:00-08:00' },
};

const input: BannerInput = {
  url: 'http://localhost:3000',
  publicBaseUrl: 'http://localhost:3000',
  endpoints: ['POST http://localhost:3000/webhooks/slack/events', 'GET  http://localhost:3000/health'],
  providers: [
    { name: 'Slack', mode: 'live', enableWith: 'SLACK_BOT_TOKEN' },
    { name: 'Twilio', mode: 'dry-run', enableWith: 'TWILIO_ACCOUNT_SID' },
  ],
  dataDir: '.switchboard',
  store: { kind: 'sqlite', file: '.switchboard/switchboard.db' },
  configVersion: 1,
  appliedConfigFrom: 'switchboard.config.example.yaml',
  clock: closed,
  generatedSecrets: ['SLACK_SIGNING_SECRET'],
  recoveredEvents: 0,
};

describe('the start-up banner', () => {
  it('says where to send webhooks, what is live, where data lives, and what to try', () => {
    const banner = startBanner(input);
    expect(banner).toContain('running locally at http://localhost:3000');
    expect(banner).toContain('POST http://localhost:3000/webhooks/slack/events');
    expect(banner).toContain('Providers   Slack: live\n              Twilio: dry-run (set TWILIO_ACCOUNT_SID to go live)');
    expect(banner).toContain('.switchboard/switchboard.db (SQLite)');
    expect(banner).toContain('v1, applied from switchboard.config.example.yaml on this first start');
    expect(banner).toContain('local SLACK_SIGNING_SECRET kept in .switchboard/secrets.json');
    expect(banner).toContain('npx switchboard simulate slack-message');
    expect(banner).toContain('npx switchboard simulate job-application');
    expect(banner).toContain('npx switchboard simulate github-comment');
    expect(banner).not.toContain('Public URL');
    expect(banner).not.toContain('Recovered');
  });

  it('names the public URL when providers reach us elsewhere, the fixed clock, and recovered events', () => {
    const banner = startBanner({ ...input, publicBaseUrl: 'https://abc.tunnel.example', clock: { ...closed, fixedStart: '2026-11-22T20:00:00-08:00' }, recoveredEvents: 3 });
    expect(banner).toContain('Public URL  https://abc.tunnel.example');
    expect(banner).toContain('started at 2026-11-22T20:00:00-08:00 (SWITCHBOARD_NOW)');
    expect(banner).toContain('3 events accepted before the last stop');
  });

  it('after hours, says so and offers a message now', () => {
    const banner = startBanner(input);
    expect(banner).toContain('Sunday, November 29 at 8:00 PM PT: after hours, until Monday, November 30 at 6:00 AM PT');
    expect(banner).toMatch(/npx switchboard simulate slack-message +a customer writes in a shared channel now, after hours/);
    expect(banner).not.toContain('--at');
  });

  it('in business hours, says so and shows how to try an after-hours message with --at or SWITCHBOARD_NOW', () => {
    const banner = startBanner({ ...input, clock: open });
    expect(banner).toContain('Monday, November 30 at 10:30 AM PT: business hours, until Monday, November 30 at 4:00 PM PT');
    expect(banner).toContain('npx switchboard simulate slack-message --at 2026-11-30T16:00');
    expect(banner).toContain('SWITCHBOARD_NOW=2026-11-30T16:00:00-08:00 npm start');
    expect(banner).not.toContain('now, after hours');
  });
});
