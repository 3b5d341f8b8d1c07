import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { SAMPLE_APPLICATION, SAMPLE_CONTACT_MESSAGE } from '../../infra/cli/scenarios/contact-form-payload';
import { FakeSlackApi } from '../support/fake-slack-api';
import { FakeUnthreadApi } from '../support/fake-unthread-api';
import { startLocalSwitchboard, TEST_CONTACT_FORM_SECRET, type LocalSwitchboard } from '../support/local-switchboard';
import { ManualClock } from '../support/manual-clock';
import { postConversationUpdated } from '../support/unthread-webhooks';
import { postContactMessage, postJobApplication } from '../support/website-requests';

/** What identifies the applicants of this test; none of it may appear in a log line. */
const PERSONAL = [
  SAMPLE_APPLICATION.firstName,
  SAMPLE_APPLICATION.lastName,
  SAMPLE_APPLICATION.emailAddress,
  SAMPLE_APPLICATION.linkedinProfileUrl,
  SAMPLE_APPLICATION.location,
  'Analytical Engine',
  SAMPLE_CONTACT_MESSAGE.firstName,
  SAMPLE_CONTACT_MESSAGE.lastName,
  SAMPLE_CONTACT_MESSAGE.emailAddress,
  'non-profit',
  'Babbage',
  'charles@example.org',
  'mailinator',
  TEST_CONTACT_FORM_SECRET,
];

describe('job applications leave no personal data in the logs', () => {
  let slack: FakeSlackApi;
  let unthread: FakeUnthreadApi;
  let switchboard: LocalSwitchboard;
  const output: string[] = [];
  let spies: MockInstance[] = [];

  beforeAll(async () => {
    slack = await FakeSlackApi.start();
    unthread = await FakeUnthreadApi.start();
    const capture = (chunk: unknown) => {
      output.push(String(chunk));
      return true;
    };
    spies = [
      vi.spyOn(process.stdout, 'write').mockImplementation(capture as typeof process.stdout.write),
      vi.spyOn(process.stderr, 'write').mockImplementation(capture as typeof process.stderr.write),
    ];
    switchboard = await startLocalSwitchboard({ clock: new ManualClock('2026-11-20T15:00:00-08:00'), slack, unthread, env: { LOG_LEVEL: 'DEBUG' } });
  });
  afterAll(async () => {
    await switchboard.dispose();
    for (const spy of spies) spy.mockRestore();
    await slack.close();
    await unthread.close();
  });

  async function at(instant: string): Promise<void> {
    switchboard.clock.set(instant);
    await switchboard.tick();
    await switchboard.drain();
  }

  it('logs ids and outcomes, never a name, an address, a message or the secret, through every path', async () => {
    // Accepted, posted twice, form-encoded, and a contact message.
    const first = await postJobApplication(switchboard);
    await postJobApplication(switchboard);
    await postJobApplication(switchboard, { firstName: 'Charles', lastName: 'Babbage', emailAddress: 'charles@example.org' }, { contentType: 'application/x-www-form-urlencoded' });
    await postContactMessage(switchboard);
    // Refused: a wrong secret, bad fields, a banned domain.
    await postJobApplication(switchboard, {}, { secret: 'wrong' });
    await postJobApplication(switchboard, { emailAddress: 'ada.lovelace-at-example.org' });
    await postJobApplication(switchboard, { emailAddress: 'ada@mailinator.com' });
    // Unthread fails transiently, then refuses one for good.
    unthread.script('create', { status: 503 }, { status: 400, body: { error: `invalid onBehalfOf.email ${SAMPLE_APPLICATION.emailAddress}` } });
    await postJobApplication(switchboard, { position: '📣 Account Executive' });
    await switchboard.drain();
    // Reminders, one failing in Slack first; a webhook; the escalation.
    slack.script('chat.postMessage', { status: 500, body: 'oops' });
    await at('2026-11-23T08:00:00-08:00');
    const conversation = unthread.created()[0];
    await postConversationUpdated(switchboard, { conversationId: conversation!.id, status: 'in_progress' });
    await at('2026-11-23T09:00:00-08:00');
    await at('2026-11-23T09:30:00-08:00');

    const logged = output.join('');
    expect(first.status).toBe(202);
    expect(slack.succeeded('chat.postMessage').length).toBeGreaterThan(0);
    expect(logged).toContain('"message":"request refused"');
    expect(logged).toContain('"message":"run failed"');
    expect(logged).toContain(first.id);
    for (const personal of PERSONAL) expect(logged, personal).not.toContain(personal);
  });
});
