import type { AutomationContext } from '../../shared/automation/automation';
import { ProviderError } from '../../shared/providers/provider-error';
import type { Incident } from './incident';
import type { IncidentStore } from './incident-store';

/** What Slack said when asked for the thread's permalink: the link, or a failure that may pass or not. */
export type PermalinkAnswer = { link: string } | { transient: boolean };

/**
 * Asks Slack for the customer thread's permalink (`chat.getPermalink`). A page never waits on Slack: a
 * provider's failure is an answer (the page links the channel meanwhile), anything else is a bug.
 */
export async function askThreadPermalink(context: Pick<AutomationContext, 'slack' | 'log'>, channel: string, threadTs: string): Promise<PermalinkAnswer> {
  try {
    return { link: await context.slack.permalink(channel, threadTs) };
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    context.log.warn('no permalink for the customer thread: the page links to the channel', { operation: error.operation, code: error.code, transient: error.transient });
    return { transient: error.transient };
  }
}

/** Whether page `step` should ask Slack again: the permalink failed at an earlier page, for a reason that may pass. */
export function permalinkDue(incident: Pick<Incident, 'slack' | 'link' | 'permalinkFailedAtStep' | 'permalinkFailureTransient'>, step: number): boolean {
  return (
    incident.slack !== undefined &&
    incident.link === undefined &&
    incident.permalinkFailureTransient === true &&
    incident.permalinkFailedAtStep !== undefined &&
    incident.permalinkFailedAtStep < step
  );
}

/**
 * Before page `step` is composed: when Slack could not give the thread's permalink at an earlier page for a
 * reason that may pass, asks again, and keeps the answer for this page. Resolves with the incident as the
 * page is to be composed from.
 */
export async function linkThreadForPage(incident: Incident, step: number, context: AutomationContext, store: IncidentStore): Promise<Incident> {
  const slack = incident.slack;
  if (slack === undefined || !permalinkDue(incident, step)) return incident;
  const { settled } = await context.run.step('ask Slack again for the thread permalink', async () => {
    const answer = await askThreadPermalink(context, slack.channel, slack.threadTs);
    const kept = await store.settlePermalink(incident.id, step, answer);
    return { detail: kept.link === undefined ? 'Slack still cannot say: the page links the channel' : 'the pages link the thread from now on', settled: kept };
  });
  const { link: _link, permalinkFailedAtStep: _step, permalinkFailureTransient: _transient, ...rest } = incident;
  const { link, permalinkFailedAtStep, permalinkFailureTransient } = settled;
  return {
    ...rest,
    ...(link === undefined ? {} : { link }),
    ...(permalinkFailedAtStep === undefined ? {} : { permalinkFailedAtStep }),
    ...(permalinkFailureTransient === undefined ? {} : { permalinkFailureTransient }),
  };
}
