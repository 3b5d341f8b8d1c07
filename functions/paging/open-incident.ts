import type { AutomationContext } from '../../shared/automation/automation';
import { postMessageOnce } from '../../shared/automation/post-message-once';
import { durationMs } from '../../shared/config/duration';
import type { EventOf } from '../../shared/events/catalogue';
import { ackCodeCandidates, incidentIdFor } from './incident-identity';
import type { IncidentStore } from './incident-store';
import { pagePerson } from './page-person';
import { incidentOpened } from './paging-messages';
import { askThreadPermalink } from './thread-permalink';

type OpenTrigger = EventOf<'slack.emergency.requested'> | EventOf<'incident.open.requested'>;

/**
 * A customer escalated (or an admin opened an incident): open one incident per request, page the first
 * person on the chain, and tell the internal channel. A redelivered request finds its incident and
 * only completes what is missing.
 */
export async function openIncident(event: OpenTrigger, context: AutomationContext, store: IncidentStore): Promise<void> {
  const { run, config } = context;
  const request = event.detail;
  const id = incidentIdFor(request.eventId);

  const { incident, created } = await run.step('open the incident', async () => {
    const existing = await store.get(id);
    if (existing !== undefined) return { outcome: 'skipped' as const, detail: `${id} is open already`, incident: existing, created: false };
    const taken = new Set((await store.list({ openOnly: true })).map((open) => open.code));
    const slack = event.detailType === 'slack.emergency.requested' ? { channel: event.detail.channel, threadTs: event.detail.threadTs } : undefined;
    // Kept in the incident, so that every attempt of a page has the same text. While Slack cannot say, the
    // pages link the channel; a failure that may pass is asked again at the next page.
    const permalink = slack === undefined ? undefined : await askThreadPermalink(context, slack.channel, slack.threadTs);
    const code = ackCodeCandidates(id).find((candidate) => !taken.has(candidate)) as string;
    const paging = config.paging;
    const opened = await store.open(
      {
        id,
        code,
        status: 'paging',
        severity: request.severity,
        customer: request.customer,
        excerpt: request.excerpt,
        requestedBy: request.requestedBy,
        ...(slack === undefined ? {} : { slack }),
        ...(permalink === undefined ? {} : 'link' in permalink ? { link: permalink.link } : { permalinkFailedAtStep: 0, permalinkFailureTransient: permalink.transient }),
        chain: paging.chain.map(({ name, phone }) => ({ name, phone })),
        repeats: paging.repeats,
        ackTimeoutMs: durationMs(paging.ackTimeout),
        internalChannel: paging.internalChannel,
        fallbackChannel: paging.fallbackChannel ?? paging.internalChannel,
        step: 0,
        openedAt: context.clock.now().toISOString(),
        version: 1,
      },
      request.eventId,
    );
    return { detail: `${id}, ACK code ${opened.incident.code}, ${request.severity} for ${request.customer}`, incident: opened.incident, created: opened.created };
  });

  if (!created && (incident.step > 0 || incident.status !== 'paging')) {
    run.check('first page still due', `${id} is ${incident.status}, at page ${incident.step + 1}`);
    return;
  }
  const first = incident.chain[0]?.name ?? 'nobody';
  await run.step('tell the internal channel', async () => {
    const told = await postMessageOnce(context, `paging.opened:${id}`, incidentOpened(incident, first));
    return told.alreadyDone ? { outcome: 'skipped', detail: 'already told' } : { detail: `posted in ${incident.internalChannel}` };
  });
  await pagePerson(incident, 0, context, store);
}
