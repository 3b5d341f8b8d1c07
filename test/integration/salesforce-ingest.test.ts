import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONTACT_FORM_RULES } from '../../functions/ingest/contact-form/contact-form-rules';
import { FormSubmissions } from '../../functions/ingest/contact-form/form-submissions';
import { createIngest } from '../../functions/ingest/ingest';
import { SOAP_ACK } from '../../functions/ingest/salesforce/soap-ack';
import { outboundMessageXml, sendOutboundMessage } from '../../infra/cli/scenarios/salesforce-outbound-message';
import { createLogger } from '../../shared/log/logger';
import { FakeGitHubApi } from '../support/fake-github-api';
import { CONFIDENTIAL_REPO, PUBLIC_REPO, TEST_GITHUB_WEBHOOK_SECRET } from '../support/github-webhooks';
import { captureLogs, type LogCapture } from '../support/log-capture';
import { startLocalSwitchboard, TEST_SALESFORCE_ORG_ID, TEST_SALESFORCE_OUTBOUND_TOKEN, type LocalSwitchboard } from '../support/local-switchboard';
import { ingestOverClosedStore } from '../support/ingest-over-closed-store';
import { ManualClock } from '../support/manual-clock';

const NOW = '2026-11-25T10:00:00-08:00';
const TOKEN = 'ghp_testtoken0123456789';
const RECORDED = readFileSync(new URL('../fixtures/salesforce/outbound-message-3-accounts.xml', import.meta.url), 'utf8');
const NAMES = ['Globex Aeronautics', 'Initech & Partners', 'Umbrella Logistics'];

describe('Salesforce outbound messages at /webhooks/salesforce', () => {
  let github: FakeGitHubApi;
  let switchboard: LocalSwitchboard;
  let logs: LogCapture;

  beforeEach(async () => {
    github = await FakeGitHubApi.start({ token: TOKEN, repositories: [PUBLIC_REPO, CONFIDENTIAL_REPO] });
    logs = captureLogs();
    switchboard = await startLocalSwitchboard({ clock: new ManualClock(NOW), github, env: { LOG_LEVEL: 'DEBUG' } });
    github.deliverWebhooks({ url: switchboard.url, secret: TEST_GITHUB_WEBHOOK_SECRET });
  });
  afterEach(async () => {
    await switchboard.dispose();
    logs.restore();
    await github.close();
  });

  async function settle() {
    for (let round = 0; round < 5; round += 1) {
      await switchboard.drain();
      await github.settled();
    }
    await switchboard.drain();
  }

  async function post(xml: string, options: { token?: string; contentType?: string } = {}) {
    if (options.contentType === undefined) return sendOutboundMessage(switchboard.url, options.token ?? TEST_SALESFORCE_OUTBOUND_TOKEN, xml);
    const response = await fetch(`${switchboard.url}/webhooks/salesforce?token=${TEST_SALESFORCE_OUTBOUND_TOKEN}`, { method: 'POST', headers: { 'content-type': options.contentType }, body: xml });
    return { status: response.status, body: await response.text() };
  }

  async function runCount() {
    return (await switchboard.platform.runs.list({ limit: 200 })).length;
  }

  it('acks a recorded message of 3 notifications, and every codename ends up in both repositories', async () => {
    const answer = await post(RECORDED);
    await settle();

    expect(answer).toEqual({ status: 200, body: SOAP_ACK });
    const confidential = github.labels(CONFIDENTIAL_REPO);
    expect(confidential).toEqual(
      expect.arrayContaining([
        { name: 'customer-blue-heron', color: 'd4c5f9', description: 'Globex Aeronautics' },
        { name: 'customer-silver-fox', color: 'd4c5f9', description: 'Initech & Partners' },
        { name: 'prospect-red-kite', color: 'd4c5f9', description: 'Initech & Partners' },
        { name: 'customer-green-owl', color: 'd4c5f9', description: 'Umbrella Logistics' },
      ]),
    );
    expect(confidential).toHaveLength(4);
    expect(github.labels(PUBLIC_REPO).map((label) => label.name).sort()).toEqual(['customer-blue-heron', 'customer-green-owl', 'customer-silver-fox', 'prospect-red-kite']);
    expect(github.labels(PUBLIC_REPO).every((label) => label.description === 'Customer codename' && label.color === 'd4c5f9')).toBe(true);
    const runs = await switchboard.platform.runs.list({ automation: 'codename-sync', limit: 50 });
    const fromOutbound = runs.filter((run) => run.trigger.detailType === 'salesforce.account.changed');
    expect(fromOutbound.map((run) => run.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(fromOutbound.find((run) => run.trigger.eventId === '04l5e000001OBM3AAG')?.steps.find((step) => step.name === 'codenames on the Account')?.detail).toBe('customer-green-owl (and 1 other label, left alone)');
  });

  it("never lets an Account's name reach the public repository or a log line", async () => {
    await post(RECORDED);
    await settle();

    const publicCalls = github.callsFor(PUBLIC_REPO);
    expect(publicCalls.length).toBeGreaterThan(0);
    for (const name of NAMES) {
      for (const call of publicCalls) expect(call.raw).not.toContain(name);
      expect(logs.raw()).not.toContain(name);
    }
    const runs = await switchboard.platform.runs.list({ limit: 200 });
    const namesPublic = new RegExp(`${PUBLIC_REPO.replace('/', '\\/')}(?![\\w.-])`);
    for (const run of runs.filter((each) => namesPublic.test(JSON.stringify(each)))) for (const name of NAMES) expect(JSON.stringify(run)).not.toContain(name);
  });

  it('does nothing twice for a redelivered message, nor for one notification sent again in another message', async () => {
    await post(RECORDED);
    await settle();
    const creations = github.succeeded('issues/create-label').length;
    const runs = await runCount();

    const again = await post(RECORDED);
    const oneAgain = await post(
      outboundMessageXml({ organizationId: TEST_SALESFORCE_ORG_ID, notifications: [{ id: '04l5e000001OBM2AAG', accountId: '0015e00000NTCH2AAA', name: 'Initech & Partners', fields: { GitHub_label__c: 'customer-silver-fox' } }] }),
    );
    await settle();

    expect([again.status, oneAgain.status]).toEqual([200, 200]);
    expect(again.body).toBe(SOAP_ACK);
    expect(github.succeeded('issues/create-label')).toHaveLength(creations);
    expect(await runCount()).toBe(runs);
  });

  it.each([
    ['a wrong token', { token: 'wrong' }, RECORDED, 'the token does not match'],
    ['no token', { token: '' }, RECORDED, 'the token query parameter is missing'],
    ['another organization', {}, RECORDED.replace('00D5e000000SBTESTA', '00D5e000000OTHERA'), 'the message is from another Salesforce organization'],
  ])('refuses %s with 401, and nothing happens', async (_what, options, xml, reason) => {
    const answer = await post(xml, options);
    await settle();

    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toEqual({ error: `Failed to verify authenticity: ${reason}` });
    expect(await runCount()).toBe(0);
    expect(github.calls).toEqual([]);
  });

  it('refuses an XML entity expansion with 400 before parsing it, and publishes nothing', async () => {
    const bomb = RECORDED.replace(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>',
    ).replace('Globex Aeronautics', '&lol2;');

    const answer = await post(bomb);
    await settle();

    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ error: 'invalid Salesforce outbound message: a DOCTYPE or entity declaration is not accepted' });
    expect(await runCount()).toBe(0);
  });

  it.each([
    ['malformed XML', 400, RECORDED.slice(0, 900), /not well-formed XML/],
    ['a notification about a Contact', 400, RECORDED.replace('xsi:type="sf:Account"', 'xsi:type="sf:Contact"'), /is about a Contact: only Account outbound messages are accepted/],
    ['an Account without its Name', 400, RECORDED.replace('<sf:Name>Umbrella Logistics</sf:Name>', ''), /carries no Account Name: add Name to the outbound message's fields/],
    ['a body over 1 MiB', 413, RECORDED.replace('</soapenv:Envelope>', `<!-- ${'x'.repeat(1024 * 1024)} --></soapenv:Envelope>`), /larger than/],
  ])('answers %s with %i, and publishes nothing', async (_what, status, xml, message) => {
    const answer = await post(xml);
    await settle();

    expect(answer.status).toBe(status);
    expect(answer.body).toMatch(message);
    expect(await runCount()).toBe(0);
  });

  it('answers a body that is not text/xml with 415', async () => {
    const answer = await post(RECORDED, { contentType: 'application/json' });

    expect(answer.status).toBe(415);
  });

  it('answers 503, so that Salesforce sends the message again, when a notification cannot be stored', async () => {
    const ingest = await ingestOverClosedStore(switchboard, { SALESFORCE_OUTBOUND_TOKEN: TEST_SALESFORCE_OUTBOUND_TOKEN, SALESFORCE_ORG_ID: TEST_SALESFORCE_ORG_ID });

    const answer = await ingest({
      method: 'POST',
      path: '/webhooks/salesforce',
      query: new URLSearchParams({ token: TEST_SALESFORCE_OUTBOUND_TOKEN }),
      rawQuery: `token=${TEST_SALESFORCE_OUTBOUND_TOKEN}`,
      headers: { 'content-type': 'text/xml; charset=utf-8' },
      body: Buffer.from(RECORDED),
    });

    expect(answer.status).toBe(503);
    expect(answer.body).not.toContain('<Ack>true</Ack>');
  });

  it('answers 503 while Salesforce is not configured, rather than refusing for good', async () => {
    const log = createLogger({ level: 'SILENT', runtime: 'local' });
    const ingest = createIngest({
      clock: switchboard.clock,
      secrets: async () => ({}),
      publicBaseUrl: () => switchboard.url,
      intake: switchboard.bus,
      contactFormRules: async () => DEFAULT_CONTACT_FORM_RULES,
      formSubmissions: new FormSubmissions(switchboard.platform.table, switchboard.clock),
      log,
      runtime: 'local',
      version: 'test',
    });

    const answer = await ingest({ method: 'POST', path: '/webhooks/salesforce', query: new URLSearchParams({ token: 'x' }), rawQuery: 'token=x', headers: { 'content-type': 'text/xml' }, body: Buffer.from(RECORDED) });

    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body).error).toBe('Salesforce is not configured: SALESFORCE_OUTBOUND_TOKEN is not set');
  });
});
