import type { AutomationContext } from '../../shared/automation/automation';
import { escalationTimerId } from './escalation-timer';
import type { Incident } from './incident';
import type { IncidentStore } from './incident-store';
import { acknowledgedInternally, acknowledgedInThread, acknowledgementConfirmed, alreadyAcknowledged } from './paging-messages';

/**
 * Someone is on it: escalation stops, the customer's thread and the internal channel are told who, and the
 * person who replied by SMS gets a confirmation. Acknowledging an incident someone else already took
 * changes nothing; they are told by SMS.
 */
export async function acknowledgeIncident(
  incident: Incident & { lastEventId?: string },
  by: string,
  eventId: string,
  context: AutomationContext,
  store: IncidentStore,
  replyTo?: string,
): Promise<void> {
  const { run } = context;
  const resuming = incident.status === 'acknowledged' && incident.lastEventId === eventId;
  const acknowledged = resuming ? incident : await store.acknowledge(incident.id, by, eventId);

  if (acknowledged === undefined) {
    const current = (await store.get(incident.id)) ?? incident;
    run.check('not acknowledged yet', `already acknowledged by ${current.acknowledgedBy ?? 'someone'} at ${current.acknowledgedAt ?? '?'}`);
    if (replyTo !== undefined) {
      await run.step('tell them it is taken', async () => {
        const told = await context.once(`paging.already-acked:${incident.id}:${eventId}`, () => context.sms.send({ to: replyTo, body: alreadyAcknowledged(current) }));
        return told.alreadyDone ? { outcome: 'skipped', detail: 'already told' } : { detail: `SMS ${told.result.sid}` };
      });
    }
    return;
  }

  await run.step('acknowledge', async () => ({
    ...(resuming ? { outcome: 'skipped' as const } : {}),
    detail: `${by} acknowledged ${incident.id} after page ${incident.step + 1}`,
  }));
  await run.step('stop escalating', async () => {
    await context.timers.cancel(escalationTimerId(incident.id, acknowledged.step));
    return { detail: `cancelled the timer of page ${acknowledged.step + 1}` };
  });
  const slack = incident.slack;
  if (slack !== undefined) {
    await run.step("tell the customer's thread", async () => {
      const told = await context.once(`paging.ack-thread:${incident.id}`, () => context.slack.postMessage(acknowledgedInThread({ ...incident, slack }, by)));
      return told.alreadyDone ? { outcome: 'skipped', detail: 'already told' } : { detail: `replied in thread ${slack.threadTs}` };
    });
  }
  await run.step('tell the internal channel', async () => {
    const told = await context.once(`paging.ack-internal:${incident.id}`, () => context.slack.postMessage(acknowledgedInternally(incident, by)));
    return told.alreadyDone ? { outcome: 'skipped', detail: 'already told' } : { detail: `posted in ${incident.internalChannel}` };
  });
  if (replyTo !== undefined) {
    await run.step('confirm by SMS', async () => {
      const sent = await context.once(`paging.ack-reply:${incident.id}`, () => context.sms.send({ to: replyTo, body: acknowledgementConfirmed(incident, by) }));
      return sent.alreadyDone ? { outcome: 'skipped', detail: 'already confirmed' } : { detail: `SMS ${sent.result.sid}` };
    });
  }
}
