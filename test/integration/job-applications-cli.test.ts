import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalSwitchboard, TEST_CONTACT_FORM_SECRET, TEST_UNTHREAD_WEBHOOK_SECRET, type LocalSwitchboard } from '../support/local-switchboard';
import { ManualClock } from '../support/manual-clock';
import { switchboardCli } from '../support/switchboard-cli';

describe('the switchboard CLI for job applications (Unthread in dry-run)', () => {
  let switchboard: LocalSwitchboard;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    switchboard = await startLocalSwitchboard({ clock: new ManualClock('2026-11-20T15:00:00-08:00') });
    env = { SWITCHBOARD_DATA_DIR: switchboard.dataDir, CONTACT_FORM_SECRET: TEST_CONTACT_FORM_SECRET, UNTHREAD_WEBHOOK_SECRET: TEST_UNTHREAD_WEBHOOK_SECRET };
  });
  afterAll(async () => {
    await switchboard.dispose();
  });

  it("simulates the website's exact request and shows the run: position, CSE and deadline, not the applicant", async () => {
    const result = await switchboardCli(['simulate', 'job-application'], env);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Posted the job application to http:\/\/localhost:\d+\/webhooks\/contact-form: HTTP 202 \{"id":"form-[0-9a-f-]{36}"\}/);
    expect(result.stdout).toMatch(/Run job-applications:form-[0-9a-f-]{36}: waiting/);
    expect(result.stdout).toContain('done     assign a CSE — Riley (CSE), turn 1');
    expect(result.stdout).toContain('waiting  wait for the reply — Software Engineer → Riley (CSE)');
    expect(result.stdout).toContain('due Monday, November 23 at 9:00 AM PT');
    expect(result.stdout).not.toMatch(/Ada|Lovelace|ada\.lovelace/);

    const outbox = await switchboardCli(['--json', 'outbox', 'list', '--provider', 'unthread'], env);
    const [entry] = JSON.parse(outbox.stdout) as { operation: string; request: Record<string, unknown> }[];
    expect(entry).toMatchObject({ operation: 'conversations.create', request: { type: 'email', status: 'open', onBehalfOf: { email: 'ada.lovelace@example.org' } } });
  });

  it('says when the same form was posted within the re-post window before, and counts it once', async () => {
    const result = await switchboardCli(['simulate', 'job-application', '--repost', '1', '--form'], env);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Re-post 1 of the job application');
    expect(result.stdout).toContain('it counts once, and this is its run');
  });

  it('simulates a signed application of another applicant, who gets the next CSE', async () => {
    const result = await switchboardCli(['simulate', 'job-application', '--signed', '--first-name', 'Charles', '--email', 'charles@example.org', '--position', '📣 Account Executive'], env);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('waiting  wait for the reply — Account Executive → Casey (CSE)');
  });

  it('simulates a general contact message', async () => {
    const result = await switchboardCli(['simulate', 'contact-message'], env);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/: succeeded/);
    expect(result.stdout).toContain('for a website message (no deadline)');
  });

  it("simulates Unthread closing the latest application's conversation", async () => {
    const result = await switchboardCli(['simulate', 'unthread-update'], env);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Sent conversation_updated \(dry-run-[0-9a-f-]+ → closed\)/);
    expect(result.stdout).toContain('done     record the conversation status — closed: no more reminders');
  });

  it('lists the applications in runs list, with position and CSE', async () => {
    const result = await switchboardCli(['runs', 'list', '--automation', 'job-applications'], env);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('wait for the reply: Account Executive → Casey (CSE)');
    expect(result.stdout).toContain('wait for the reply: Software Engineer → Riley (CSE)');
    expect(result.stdout).not.toMatch(/Ada|Lovelace|ada\.lovelace|charles@/);
  });

  it('refuses a status Unthread does not have, and a form the server refuses, with a clear message', async () => {
    const status = await switchboardCli(['simulate', 'unthread-update', '--status', 'done'], env);
    const banned = await switchboardCli(['simulate', 'job-application', '--email', 'someone@mailinator.com'], env);

    expect(status.code).toBe(1);
    expect(status.stderr).toContain('--status "done" is not an Unthread conversation status; use one of open, in_progress, on_hold, closed.');
    expect(banned.code).toBe(1);
    expect(banned.stderr).toContain('Switchboard refused the job application (HTTP 400)');
  });
});
