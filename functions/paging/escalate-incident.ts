import type { AutomationContext } from '../../shared/automation/automation';
import { postMessageOnce } from '../../shared/automation/post-message-once';
import { personPagedAt, totalPages } from './escalation-plan';
import type { Incident } from './incident';
import type { IncidentStore } from './incident-store';
import { pagePerson } from './page-person';
import { nobodyAnswered } from './paging-messages';
import { closeSupersededPage } from './close-superseded-page';

/**
 * Moves an incident on from page `fromStep`: the next person is paged, or, when the chain and its repeats
 * are exhausted, the incident is unanswered and the fallback channel is told. The move is a conditional
 * update on `fromStep`, so when an ACK, a timer and a delivery failure race, exactly one moves it. The
 * run that waited on page `fromStep` is closed, naming this one.
 */
export async function escalateIncident(
  incident: Incident & { lastEventId?: string },
  fromStep: number,
  eventId: string,
  context: AutomationContext,
  store: IncidentStore,
  why: string,
): Promise<void> {
  const { run } = context;
  const nextStep = fromStep + 1;
  // A retry of this very run finds its own transition already made: carry on from there.
  const resuming = incident.lastEventId === eventId;
  const from = { ...incident, step: fromStep };

  if (personPagedAt(incident, nextStep) === undefined) {
    const unanswered = resuming && incident.status === 'unanswered' ? incident : await store.markUnanswered(from, eventId);
    if (!run.check('still waiting at this page', unanswered === undefined ? 'acknowledged or moved on meanwhile' : undefined, `page ${fromStep + 1} of ${totalPages(incident)}`)) return;
    await closeSupersededPage(unanswered as Incident, `${why}; nobody acknowledged after ${totalPages(incident)} pages`, context);
    await run.step('tell the fallback channel nobody answered', async () => {
      const told = await postMessageOnce(context, `paging.unanswered:${incident.id}`, nobodyAnswered(incident, totalPages(incident)));
      return told.alreadyDone ? { outcome: 'skipped', detail: 'already told' } : { detail: `posted in ${incident.fallbackChannel}` };
    });
    return;
  }

  const advanced = resuming && incident.step === nextStep ? incident : await store.advance(from, nextStep, eventId);
  if (!run.check('still waiting at this page', advanced === undefined ? 'acknowledged or moved on meanwhile' : undefined, `page ${fromStep + 1} of ${totalPages(incident)}`)) return;
  const next = personPagedAt(incident, nextStep)?.member.name ?? 'the next person';
  await closeSupersededPage(advanced as Incident, `${why}; paged ${next}`, context);
  await pagePerson(advanced as Incident, nextStep, context, store);
}
