import type { EffectOutcome } from '../idempotency/side-effect-ledger';
import { lookUpSince } from '../idempotency/look-up-window';
import type { SentSms, SmsMessage } from '../providers/sms/sms-sender';
import type { AutomationContext } from './automation';

export interface SendSmsOnceOptions {
  /**
   * Whether a message found with the same recipient and text is the record of another effect (the same
   * page sent on an earlier pass of the chain): such a message is not this one.
   */
  belongsElsewhere?: (sid: string) => Promise<boolean>;
}

/**
 * Sends an SMS once per `key`. When a crash left the message sent but unrecorded, the process that takes
 * the claim over finds it in the provider's message list (to the same number, with the same text, since
 * the claim) instead of sending a second one. An SMS carries no hidden field to name its effect, so the
 * text must tell effects apart: a page's ACK code does.
 *
 * @example
 * await sendSmsOnce(context, `paging.page:${incident.id}:${step}`, { to: member.phone, body });
 */
export function sendSmsOnce(context: Pick<AutomationContext, 'once' | 'sms'>, key: string, sms: SmsMessage, options: SendSmsOnceOptions = {}): Promise<EffectOutcome<SentSms>> {
  return context.once(key, () => context.sms.send(sms), {
    find: async (claim) => {
      for (const sent of await context.sms.findSent({ to: sms.to, body: sms.body, since: lookUpSince(claim) })) {
        if (!(await options.belongsElsewhere?.(sent.sid))) return sent;
      }
      return undefined;
    },
  });
}
