import type { AutomationContext } from '../../shared/automation/automation';
import { sendSmsOnce } from '../../shared/automation/send-sms-once';

/**
 * Answers an inbound SMS, once per inbound message (its event id is the key) however often its run is
 * retried. After a crash the reply is looked for by its text: a reply whose text changed meanwhile (the
 * open pages it lists) is a new answer, and is sent.
 */
export async function replyBySms(context: AutomationContext, inboundEventId: string, to: string, body: string, stepName = 'reply by SMS'): Promise<void> {
  await context.run.step(stepName, async () => {
    const sent = await sendSmsOnce(context, `paging.reply:${inboundEventId}`, { to, body });
    return sent.alreadyDone ? { outcome: 'skipped', detail: `already answered (${sent.result.sid})` } : { detail: `SMS ${sent.result.sid}` };
  });
}
