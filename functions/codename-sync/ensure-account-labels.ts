import type { AutomationContext } from '../../shared/automation/automation';
import type { EventOf } from '../../shared/events/catalogue';
import { createEvent } from '../../shared/events/validate-event';
import { repositoryName } from '../../shared/providers/github/github';
import { ensureConfidentialLabel } from './ensure-confidential-label';
import { labelsOf } from './label-field';
import { syncSettingsOf } from './sync-settings';

/** GitHub's limit for a label's description, which names the customer in the confidential repository. */
const GITHUB_DESCRIPTION_LIMIT = 100;

/**
 * An Account's label field changed in Salesforce: every codename in it must exist in both repositories.
 * The confidential label is ensured here, with the Account's name as its description when it has none;
 * the public copy is requested from the github-labels automation (`github.codename.mirror.requested`,
 * which carries only the name and colour), so that the run acting on the public repository never holds
 * the customer's name. Labels that are no codename are left alone.
 */
export async function ensureAccountLabels(event: EventOf<'salesforce.account.changed'>, context: AutomationContext): Promise<void> {
  const { run } = context;
  const change = event.detail;
  const settings = syncSettingsOf(context.config);
  const { repositories, field, pattern } = settings;
  if (!run.check('codename repositories configured', repositories === undefined ? 'githubLabels.repositories is not configured' : undefined)) return;
  const { confidential } = repositories as NonNullable<typeof repositories>;
  const carried = Object.hasOwn(change.fields, field);
  if (!run.check(`the message carries ${field}`, carried ? undefined : `the outbound message of Account ${change.accountId} does not send ${field}: add it to the outbound message's fields`)) return;

  const labels = labelsOf(change.fields[field], settings.separator);
  const codenames = labels.filter((label) => pattern.test(label));
  const others = labels.length - codenames.length;
  const why = labels.length === 0 ? `${field} of Account ${change.accountId} is empty` : codenames.length === 0 ? `no label of Account ${change.accountId} matches ${pattern.source}` : undefined;
  if (!run.check('codenames on the Account', why, `${codenames.join(', ')}${others === 0 ? '' : ` (and ${others} other label${others === 1 ? '' : 's'}, left alone)`}`)) return;

  const tooLong = change.accountName.length > GITHUB_DESCRIPTION_LIMIT;
  const fits = tooLong ? `the name of Account ${change.accountId} is longer than the ${GITHUB_DESCRIPTION_LIMIT} characters GitHub allows in a label description: create the confidential labels by hand` : undefined;
  if (!run.check("the Account's name fits a label description", fits)) return;

  for (const name of codenames) {
    const label = await run.step(`ensure ${name} in ${repositoryName(confidential)}`, async () => {
      // Ensuring a label is idempotent by nature (it reads first, then creates or describes), so a claim
      // taken over after a crash simply ensures again: no look-up needed.
      const ensured = await context.once(`codename-sync.confidential:${change.eventId}:${name.toLowerCase()}`, async () => {
        const { label: result, outcome } = await ensureConfidentialLabel(context.github, confidential, { name, customerName: change.accountName, color: settings.labelColor });
        return { color: result.color, outcome };
      });
      const outcome = ensured.alreadyDone ? `already ensured by an earlier attempt` : ensured.result.outcome === 'described' ? 'given the Account\'s name as its description' : ensured.result.outcome;
      return { outcome: ensured.alreadyDone ? ('skipped' as const) : ('done' as const), detail: `${outcome} (colour ${ensured.result.color})`, color: ensured.result.color };
    });

    await run.step(`request the public copy of ${name}`, async () => {
      const mirror = createEvent('github.codename.mirror.requested', {
        eventId: `codename-sync-mirror:${change.eventId}:${name.toLowerCase()}`,
        receivedAt: context.clock.now().toISOString(),
        provider: 'switchboard',
        label: { name, color: label.color },
      });
      // The bus and the runs downstream are keyed by the event's id: publishing again is harmless.
      const published = await context.once(`codename-sync.mirror:${change.eventId}:${name.toLowerCase()}`, async () => {
        await context.publish(mirror);
        return { eventId: mirror.detail.eventId };
      });
      return published.alreadyDone ? { outcome: 'skipped', detail: 'already requested by an earlier attempt' } : { detail: `${name}, colour ${label.color}` };
    });
  }
}
