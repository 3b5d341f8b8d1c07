import { describe, expect, it } from 'vitest';
import { createEvent } from '../../../shared/events/validate-event';
import { replayStandingOf, whyNotReplayed } from '../../../shared/runs/replay-chain';
import type { RunRecord, RunStatus } from '../../../shared/runs/run';

const event = createEvent('incident.ack.requested', { eventId: 'cli:ack-1', receivedAt: '2026-11-23T04:30:00.000Z', provider: 'switchboard', incident: 'INC-1', by: 'Priya' });

/** An attempt at the event: the original run, or its `n`th replay. */
function attempt(n: number, status: RunStatus, extra: Partial<RunRecord> = {}): RunRecord {
  return {
    runId: n === 0 ? 'paging:cli:ack-1' : `paging:cli:ack-1#replay-${n}`,
    automation: 'paging',
    trigger: { detailType: event.detailType, eventId: event.detail.eventId, receivedAt: event.detail.receivedAt },
    event,
    status,
    steps: [],
    startedAt: '2026-11-23T04:30:00.000Z',
    finishedAt: '2026-11-23T04:30:00.000Z',
    durationMs: 0,
    attempts: 1,
    ...extra,
  };
}

describe('replay standing', () => {
  it('replays a failed run that was never replayed', () => {
    const original = attempt(0, 'failed');
    expect(replayStandingOf(original, original)).toEqual({ state: 'failed', latest: original });
  });

  it('replays the latest attempt when it failed too', () => {
    const latest = attempt(2, 'failed');
    expect(replayStandingOf(attempt(0, 'failed', { replays: 2 }), latest)).toEqual({ state: 'failed', latest });
  });

  it('says a run recovered by a replay is recovered, whatever came after', () => {
    expect(replayStandingOf(attempt(0, 'failed', { replays: 3, recoveredBy: 'paging:cli:ack-1#replay-2' }), attempt(3, 'failed'))).toEqual({ state: 'recovered', by: 'paging:cli:ack-1#replay-2' });
  });

  it('takes a latest replay that did not fail as the recovery, where the mark is missing', () => {
    expect(replayStandingOf(attempt(0, 'failed', { replays: 1 }), attempt(1, 'waiting'))).toEqual({ state: 'recovered', by: 'paging:cli:ack-1#replay-1' });
  });

  it('says a replay asked for and not recorded yet is queued, since when', () => {
    const standing = replayStandingOf(attempt(0, 'failed', { replays: 1, lastReplayAt: '2026-11-23T04:31:00.000Z' }), undefined);
    expect(standing).toEqual({ state: 'queued', replay: 'paging:cli:ack-1#replay-1', requestedAt: '2026-11-23T04:31:00.000Z' });
    expect(whyNotReplayed(standing as Exclude<typeof standing, { state: 'failed' }>)).toBe('its replay paging:cli:ack-1#replay-1 is queued and has not run yet');
  });

  it('leaves an original that a redrive completed', () => {
    const original = attempt(0, 'succeeded');
    expect(replayStandingOf(original, original)).toEqual({ state: 'ended', latest: original });
  });
});
