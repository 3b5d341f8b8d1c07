import { describe, expect, it } from 'vitest';
import { LineLogger } from '../../../shared/log/line-logger';
import { REDACTED } from '../../../shared/log/redact';

function logger(format: 'json' | 'pretty', level: 'DEBUG' | 'INFO' | 'WARN' = 'INFO') {
  const lines: string[] = [];
  const log = new LineLogger({ level, format, fields: { service: 'switchboard', runtime: 'local' }, write: (line) => lines.push(line), clock: () => new Date('2026-11-23T04:05:06.789Z') });
  return { log, lines };
}

describe('the local line logger', () => {
  it('writes one JSON object per line, with the time, and the fields of its parents', () => {
    const { log, lines } = logger('json');

    log.child({ runId: 'after-hours:Ev1' }).info('step', { step: 'post notice', outcome: 'done' });

    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0] as string)).toEqual({ level: 'INFO', message: 'step', timestamp: '2026-11-23T04:05:06.789Z', service: 'switchboard', runtime: 'local', runId: 'after-hours:Ev1', step: 'post notice', outcome: 'done' });
  });

  it('writes an error with its name, message and stack', () => {
    const { log, lines } = logger('json');

    log.error('publish failed', { error: new TypeError('the store is closed') });

    expect(JSON.parse(lines[0] as string).error).toMatchObject({ name: 'TypeError', message: 'the store is closed', stack: expect.stringContaining('TypeError') });
  });

  it('writes a readable line in the pretty format, redacted like the JSON', () => {
    const { log, lines } = logger('pretty');

    log.warn('delivery failed; retrying', { automation: 'after-hours', attempt: 2, text: 'our cluster is down', detail: 'HTTP 503 from Slack' });

    expect(lines).toEqual([`04:05:06 WARN  delivery failed; retrying  automation=after-hours attempt=2 text=${REDACTED} detail="HTTP 503 from Slack"\n`]);
  });

  it('writes a finished run as one compact line: automation, status, run id and the step that decided it', () => {
    const { log, lines } = logger('pretty');

    log.info('run finished', { automation: 'after-hours', status: 'succeeded', runId: 'after-hours:Ev08ABCDEF', decidedBy: 'post after-hours notice', steps: [{ name: 'post after-hours notice', outcome: 'done' }] });
    log.error('run failed', { automation: 'paging', runId: 'paging:SM1', decidedBy: 'page Dana' });

    expect(lines).toEqual([
      '04:05:06 after-hours        succeeded after-hours:Ev08ABCDEF  post after-hours notice\n',
      '04:05:06 paging             failed    paging:SM1  page Dana\n',
    ]);
  });

  it('writes nothing below its level', () => {
    const { log, lines } = logger('json', 'WARN');

    log.info('not shown');
    log.debug('nor this');

    expect(lines).toEqual([]);
  });
});
