import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTarget, type Target } from '../../../infra/admin/target';
import { createConsoleApp } from '../../../infra/console/console-app';
import { newConsoleSecrets } from '../../../infra/console/console-security';
import { detailTypes, type DetailType, type DomainEvent } from '../../../shared/events/catalogue';
import { REDACTED } from '../../../shared/events/mask-event';
import { openConsoleSession, type ConsoleSession } from '../../support/console-session';
import { personalEventSamples, personalValues } from '../../support/personal-event-samples';

/** How a string of the trigger shows on the page: inside JSON, in HTML. */
function asShown(value: string): string {
  return JSON.stringify(value).slice(1, -1).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

describe('the run page’s trigger', () => {
  let dataDir: string;
  let target: Target;
  let session: ConsoleSession;

  /** A run of an automation on a sample event of `detailType`, as the runtime saves one. */
  async function saveRunOn(detailType: DetailType): Promise<string> {
    const { detail } = personalEventSamples[detailType];
    const runId = `some-automation:${detail.eventId}`;
    await target.runs.save(
      {
        runId,
        automation: 'some-automation',
        trigger: { detailType, eventId: detail.eventId, receivedAt: detail.receivedAt },
        event: { detailType, detail } as DomainEvent,
        status: 'filtered',
        steps: [{ name: 'a filter', outcome: 'filtered', detail: 'not for this automation', startedAt: detail.receivedAt, durationMs: 1 }],
        startedAt: detail.receivedAt,
        finishedAt: detail.receivedAt,
        durationMs: 1,
      },
      30,
    );
    return runId;
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'switchboard-console-'));
    target = await openTarget({ env: { SWITCHBOARD_DATA_DIR: dataDir }, write: true });
    const secrets = newConsoleSecrets();
    session = await openConsoleSession(createConsoleApp({ target, secrets, port: 4711 }), secrets);
  });
  afterAll(async () => {
    await target.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each(detailTypes)('shows no personal data of a %s event', async (detailType) => {
    const runId = await saveRunOn(detailType);

    const response = await session.get(`/run?id=${encodeURIComponent(runId)}`);
    const html = await response.text();

    expect(response.status).toBe(200);
    const trigger = /<pre aria-label="The trigger event, personal data masked">([\s\S]*?)<\/pre>/.exec(html)?.[1] ?? '';
    expect(trigger).toContain(asShown(personalEventSamples[detailType].detail.eventId));
    for (const value of personalValues(detailType)) {
      expect(html, value).not.toContain(value);
      expect(html, value).not.toContain(asShown(value));
    }
    if (personalValues(detailType).length > 0) expect(trigger).toContain(REDACTED);
  });

  it('shows a job application’s position and kind, and none of the applicant', async () => {
    const runId = await saveRunOn('contact.form.submitted');

    const html = await (await session.get(`/run?id=${encodeURIComponent(runId)}`)).text();

    expect(html).toContain('&quot;kind&quot;: &quot;job-application&quot;');
    expect(html).toContain('&quot;position&quot;: &quot;🚀 Software Engineer&quot;');
    expect(html).toContain(`&quot;location&quot;: &quot;${REDACTED}&quot;`);
    expect(html).toContain(`&quot;message&quot;: &quot;${REDACTED}&quot;`);
  });
});
