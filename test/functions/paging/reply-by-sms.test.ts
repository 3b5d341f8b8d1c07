import { beforeEach, describe, expect, it } from 'vitest';
import { IncidentStore } from '../../../functions/paging/incident-store';
import { replyBySms } from '../../../functions/paging/reply-by-sms';
import { noOpenPages } from '../../../functions/paging/sms-replies';
import type { EventOf } from '../../../shared/events/catalogue';
import { createEvent } from '../../../shared/events/validate-event';
import { SideEffectLedger, type OnceOptions } from '../../../shared/idempotency/side-effect-ledger';
import { Outbox } from '../../../shared/providers/outbox';
import { DryRunSmsSender } from '../../../shared/providers/sms/dry-run-sms-sender';
import { RunRecorder } from '../../../shared/runs/run-recorder';
import type { Table } from '../../../shared/store/table';
import { ManualClock } from '../../support/manual-clock';
import { createTestTable } from '../../support/test-table';

const DANA = '+15555550101';
const OUR_NUMBER = '+15555550100';

function inboundSms(messageSid: string): EventOf<'sms.received'> {
  return createEvent('sms.received', { eventId: messageSid, receivedAt: '2026-11-23T04:00:00.000Z', provider: 'twilio', messageSid, from: DANA, to: OUR_NUMBER, body: 'ACK' });
}

/**
 * The SMS replies of the paging automation, on the real store and ledger (as the local runtime runs them:
 * the sole writer, which takes a dead process's claim over at once) and the dry-run SMS adapter, whose
 * outbox is the message list a look-up searches.
 */
describe('reply by SMS', () => {
  let clock: ManualClock;
  let table: Table;
  let outbox: Outbox;
  let store: IncidentStore;
  let ledger: SideEffectLedger;
  let sms: DryRunSmsSender;

  beforeEach(async () => {
    clock = new ManualClock('2026-11-23T04:00:00Z');
    table = await createTestTable(clock);
    outbox = new Outbox(table, clock);
    store = new IncidentStore(table, clock);
    ledger = new SideEffectLedger(table, clock, { soleWriter: true, instance: 'this-process' });
    sms = new DryRunSmsSender(outbox, OUR_NUMBER);
  });

  /** Answers the inbound message `messageSid` as its run does; resolves with the run's step. */
  async function answer(messageSid: string, body: string) {
    const run = new RunRecorder('paging', inboundSms(messageSid), clock);
    const once = <T>(key: string, effect: () => Promise<T>, options?: OnceOptions<T>) => ledger.once(key, messageSid, effect, options);
    await replyBySms({ run, once, sms }, store, messageSid, DANA, body);
    return run.finish().steps.at(-1);
  }

  /** A process died holding the claim of the reply to `messageSid`, before Twilio received it. */
  async function claimLeftByADeadProcess(messageSid: string): Promise<void> {
    await table.put({
      pk: `effect#paging.reply:${messageSid}`,
      sk: 'effect',
      status: 'pending',
      owner: messageSid,
      instance: 'a-process-that-died',
      leaseUntil: clock.now().getTime() + 30_000,
      claimedAt: clock.now().getTime(),
      expiresAt: Math.floor(clock.now().getTime() / 1000) + 86_400,
    });
  }

  const sentTo = async (phone: string) => (await outbox.recordedSince('twilio', 'messages.create', new Date(0))).filter((entry) => entry.request['To'] === phone);

  it('sends the reply whose claim died, though an earlier reply to the same person has the same text', async () => {
    await answer('SM0INBOUND0001', noOpenPages());
    clock.advance(20_000);
    await claimLeftByADeadProcess('SM0INBOUND0002');

    const step = await answer('SM0INBOUND0002', noOpenPages());

    expect(await sentTo(DANA)).toHaveLength(2);
    expect(step).toMatchObject({ outcome: 'done', detail: expect.stringMatching(/^SMS SM/) });
  });

  it('finds its own reply, sent before the process died, instead of sending it again', async () => {
    await answer('SM0INBOUND0001', noOpenPages());
    clock.advance(20_000);
    await claimLeftByADeadProcess('SM0INBOUND0002');
    const sentBeforeTheCrash = await sms.send({ to: DANA, body: noOpenPages() });

    const step = await answer('SM0INBOUND0002', noOpenPages());

    expect(await sentTo(DANA)).toHaveLength(2);
    expect(step).toMatchObject({ outcome: 'skipped', detail: `already answered (${sentBeforeTheCrash.sid})` });
    expect(await store.inboundAnsweredBy(sentBeforeTheCrash.sid)).toBe('SM0INBOUND0002');
  });

  it('records which inbound message each reply answered', async () => {
    await answer('SM0INBOUND0001', noOpenPages());
    const [reply] = await sentTo(DANA);
    expect(await store.inboundAnsweredBy(String(reply?.answer?.['sid']))).toBe('SM0INBOUND0001');
    expect(await store.inboundAnsweredBy('SM0UNKNOWN')).toBeUndefined();
  });
});
