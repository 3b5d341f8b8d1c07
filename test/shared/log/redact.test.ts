import { describe, expect, it } from 'vitest';
import { detailTypes } from '../../../shared/events/catalogue';
import { LineLogger } from '../../../shared/log/line-logger';
import { REDACTED } from '../../../shared/log/redact';
import { personalEventSamples, personalValues, valueAt } from '../../support/personal-event-samples';

/** A local logger writing JSON lines, or readable ones, into an array. */
function capture(format: 'json' | 'pretty') {
  const lines: string[] = [];
  const log = new LineLogger({ level: 'INFO', format, fields: { service: 'switchboard', runtime: 'local' }, write: (line) => lines.push(line), clock: () => new Date('2026-11-23T04:05:06.789Z') });
  return { log, text: () => lines.join('') };
}

/** How a string shows in a JSON line. */
const inJson = (value: string) => JSON.stringify(value).slice(1, -1);

describe('log lines and the personal data of events', () => {
  describe.each(detailTypes)('%s', (detailType) => {
    const { detail } = personalEventSamples[detailType];

    it.each(['json', 'pretty'] as const)('hold none of it when the event is logged (%s)', (format) => {
      const { log, text } = capture(format);

      log.info('run started', { runId: `x:${detail.eventId}`, event: { detailType, detail } });

      for (const value of personalValues(detailType)) expect(text(), value).not.toContain(inJson(value));
      expect(text()).toContain(inJson(detail.eventId));
    });

    it('hold none of it when its bare detail is logged', () => {
      const { log, text } = capture('json');

      log.warn('could not deliver', { detail, attempt: 2 });

      for (const value of personalValues(detailType)) expect(text(), value).not.toContain(inJson(value));
      expect(text()).toContain(inJson(detail.eventId));
    });

    // `message` is every line's own message (and every error's): an applicant's message is masked with
    // the event or detail that carries it, as above.
    it('hold none of it when its personal fields are logged by their own names', () => {
      const { log, text } = capture('json');
      const personal = personalEventSamples[detailType].personal.filter((path) => path !== 'message');

      log.info('handling', Object.fromEntries(personal.map((path) => [path.split('.').at(-1) as string, valueAt(detail, path)])));

      for (const path of personal) expect(text(), path).not.toContain(inJson(String(valueAt(detail, path))));
    });
  });

  it('keeps the public fields of a logged event, and masks the rest', () => {
    const { log, text } = capture('json');
    const { detail } = personalEventSamples['contact.form.submitted'];

    log.info('received', { event: { detailType: 'contact.form.submitted', detail } });

    expect(JSON.parse(text()).event.detail).toMatchObject({ eventId: detail.eventId, kind: 'job-application', position: '🚀 Software Engineer', location: REDACTED, message: REDACTED, firstName: REDACTED });
  });

  it('keeps only the envelope of a bare detail', () => {
    const { log, text } = capture('json');
    const { detail } = personalEventSamples['slack.message.posted'];

    log.info('received', { detail });

    expect(JSON.parse(text()).detail).toEqual({ eventId: detail.eventId, receivedAt: detail.receivedAt, provider: 'slack', teamId: REDACTED, channel: REDACTED, user: REDACTED, userTeam: REDACTED, botId: REDACTED, subtype: REDACTED, ts: REDACTED, threadTs: REDACTED, text: REDACTED });
  });
});
