import type { AutomationContext } from '../../shared/automation/automation';
import type { EventOf } from '../../shared/events/catalogue';
import { createEvent } from '../../shared/events/validate-event';
import { designatedChannelOf } from './screen-message';
import { decodeButtonValue, severityOfAction } from './escalation-button';
import { alreadyEscalated, escalatedNotice, onlyTheAskerMayEscalate } from './escalation-messages';
import { businessCalendarOf } from '../../shared/config/business-calendar-of';

/**
 * A click on a notice's P0/P1 button. Only the customer who asked may escalate; anyone else is told so,
 * privately. A valid click emits exactly one `slack.emergency.requested` per notice — double clicks and
 * Slack retries included — and the notice is updated to say on-call was paged.
 */
export async function handleEscalationClick(event: EventOf<'slack.button.clicked'>, context: AutomationContext): Promise<void> {
  const { run, config } = context;
  const click = event.detail;

  const severity = severityOfAction(click.actionId);
  if (!run.check('escalation button', severity === undefined ? `unknown action ${click.actionId}` : undefined, severity)) return;
  const asked = decodeButtonValue(click.value);
  if (!run.check('button of an after-hours notice', asked === undefined ? 'the button value is not one of ours' : undefined)) return;
  if (severity === undefined || asked === undefined) return;

  if (click.user !== asked.sender) {
    run.check('clicked by the person who asked', `${click.user} clicked ${asked.sender}'s button`);
    await run.step('tell the clicker only the asker can escalate', async () => {
      // An ephemeral message leaves nothing an app can read back: after a crash mid-call it may show twice.
      const told = await context.once(`after-hours.refusal:${click.eventId}`, () =>
        context.slack.postEphemeral(onlyTheAskerMayEscalate({ channel: click.channel, user: click.user, threadTs: asked.threadTs, asker: asked.sender })),
      );
      return told.alreadyDone ? { outcome: 'skipped', detail: 'already told' } : { detail: `ephemeral reply to ${click.user}` };
    });
    return;
  }
  run.check('clicked by the person who asked', undefined, click.user);

  const noticeId = `${click.channel}:${click.messageTs}`;
  const emergency = createEvent('slack.emergency.requested', {
    eventId: `emergency:${noticeId}`,
    receivedAt: context.clock.now().toISOString(),
    provider: 'slack',
    severity,
    channel: click.channel,
    customer: designatedChannelOf(config, click.channel)?.customer ?? click.channel,
    requestedBy: click.user,
    messageTs: asked.messageTs,
    threadTs: asked.threadTs,
    noticeTs: click.messageTs,
    excerpt: asked.excerpt,
  });
  const requested = await run.step('request an emergency page', async () => {
    // Publishing is idempotent by nature: the emergency's id is the notice's, the bus drops a repeat and
    // paging derives the incident from it. The ledger is what tells a second click from the first.
    const published = await context.once(`after-hours.emergency:${noticeId}`, async () => {
      await context.publish(emergency);
      return { severity, at: emergency.detail.receivedAt };
    });
    if (!published.alreadyDone) return { detail: `published slack.emergency.requested (${severity})`, first: true };
    if (published.performedBy === click.eventId) return { outcome: 'skipped' as const, detail: 'already published by an earlier attempt', first: true };
    return { outcome: 'skipped' as const, detail: `already requested (${published.result.severity} at ${published.result.at})`, first: false };
  });

  if (!requested.first) {
    await run.step('tell the asker on-call was already paged', async () => {
      // Ephemeral: nothing to look up after a crash (at worst it shows twice).
      const told = await context.once(`after-hours.already-paged:${click.eventId}`, () =>
        context.slack.postEphemeral(alreadyEscalated({ channel: click.channel, user: click.user, threadTs: asked.threadTs })),
      );
      return told.alreadyDone ? { outcome: 'skipped', detail: 'already told' } : { detail: `ephemeral reply to ${click.user}` };
    });
    return;
  }

  await run.step('update the notice', async () => {
    // chat.update is idempotent by nature (the same content twice leaves the same message): no look-up.
    const updated = await context.once(`after-hours.notice-update:${noticeId}`, () =>
      context.slack.updateMessage(
        escalatedNotice({
          channel: click.channel,
          noticeTs: click.messageTs,
          severity,
          requestedBy: click.user,
          at: new Date(emergency.detail.receivedAt),
          timeZone: businessCalendarOf(config).settings.timeZone,
        }),
      ),
    );
    return updated.alreadyDone ? { outcome: 'skipped', detail: 'already updated' } : { detail: `notice ${click.messageTs} now says on-call was paged` };
  });
}
