import type { AutomationContext } from '../../shared/automation/automation';
import { sendSmsOnce } from '../../shared/automation/send-sms-once';
import type { IncidentStore } from './incident-store';

/**
 * Answers an inbound SMS, once per inbound message (its event id is the key) however often its run is
 * retried. After a crash the reply is looked for by its number and text: a reply whose text changed
 * meanwhile (the open pages it lists) is a new answer, and is sent. The same text may have answered an
 * earlier message of the same person ("You have no open pages" to two bare ACKs): each reply's message
 * SID is recorded as that reply's, so a look-up never takes another reply's message for this one.
 */
export async function replyBySms(
  context: Pick<AutomationContext, 'run' | 'once' | 'sms'>,
  store: IncidentStore,
  inboundEventId: string,
  to: string,
  body: string,
  stepName = 'reply by SMS',
): Promise<void> {
  await context.run.step(stepName, async () => {
    const sent = await sendSmsOnce(
      context,
      `paging.reply:${inboundEventId}`,
      { to, body },
      {
        belongsElsewhere: async (sid) => {
          const answered = await store.inboundAnsweredBy(sid);
          return answered !== undefined && answered !== inboundEventId;
        },
      },
    );
    await store.recordReply(sent.result.sid, inboundEventId);
    return sent.alreadyDone ? { outcome: 'skipped', detail: `already answered (${sent.result.sid})` } : { detail: `SMS ${sent.result.sid}` };
  });
}
