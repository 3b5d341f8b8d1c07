import type { AutomationContext } from '../../shared/automation/automation';
import { postMessageOnce } from '../../shared/automation/post-message-once';
import type { EventOf } from '../../shared/events/catalogue';
import { createEvent } from '../../shared/events/validate-event';
import { repositoryName, sameRepository } from '../../shared/providers/github/github';
import { customerNameOf, isCodename } from './codename-label';
import { labelSettingsOf } from './label-settings';

/**
 * A label changed in the confidential repository. A codename label that names its customer is mirrored
 * to the public repository (through a `github.codename.mirror.requested` that carries only its name and
 * colour, so that the run acting on the public repository never holds the customer's name) and announced
 * with `codename.assigned` for the Salesforce sync. A deleted codename label is reported in Slack, not
 * mirrored: public issues may still carry it.
 *
 * This run holds the customer's name (in its trigger); its details name only the confidential repository.
 */
export async function handleConfidentialLabel(event: EventOf<'github.label.changed'>, context: AutomationContext): Promise<void> {
  const { run } = context;
  const change = event.detail;
  const settings = labelSettingsOf(context.config);
  const { pattern, repositories } = settings.codenames;
  const where = repositoryName(change.repository);

  if (!run.check('codename repositories configured', repositories === undefined ? 'githubLabels.repositories is not configured' : undefined)) return;
  const { confidential, public: publicRepository } = repositories as NonNullable<typeof repositories>;
  const why = sameRepository(change.repository, confidential)
    ? undefined
    : sameRepository(change.repository, publicRepository)
      ? 'a label of the public repository: codenames are mirrored from the confidential one only'
      : `${where} is not the confidential repository`;
  if (!run.check('in the confidential repository', why, where)) return;
  const { name } = change.label;

  if (change.action === 'deleted') {
    if (!run.check('a codename label', isCodename(name, pattern) ? undefined : `"${name}" does not match ${pattern.source}`, name)) return;
    await run.step('tell the team the codename was deleted', async () => {
      const text =
        `:warning: The codename label \`${name}\` was deleted in ${where}. It was not deleted in the public repository, ` +
        'where issues may still carry it: delete it there by hand if it is no longer used, and check the customer\'s account in Salesforce.';
      const posted = await postMessageOnce(context, `github-labels.codename-deleted:${change.eventId}`, { channel: settings.slackChannel, text });
      return posted.alreadyDone ? { outcome: 'skipped', detail: `already told (${posted.result.ts})` } : { detail: `told ${settings.slackChannel} (${posted.result.ts})` };
    });
    return;
  }

  const previous = change.previousName !== undefined && isCodename(change.previousName, pattern) ? change.previousName : undefined;
  const notCodename =
    previous === undefined ? `"${name}" does not match ${pattern.source}` : `renamed from ${previous} to "${name}", which is not a codename: the public copy of ${previous} is left as it is`;
  if (!run.check('a codename label', isCodename(name, pattern) ? undefined : notCodename, name)) return;
  const customerName = customerNameOf(change.label);
  if (!run.check('its description names the customer', customerName === undefined ? `the description of ${name} is empty` : undefined)) return;

  await run.step('request the public copy', async () => {
    const mirror = createEvent('github.codename.mirror.requested', {
      eventId: `codename-mirror:${change.eventId}`,
      receivedAt: context.clock.now().toISOString(),
      provider: 'switchboard',
      label: { name, color: change.label.color },
      ...(previous === undefined ? {} : { previousName: previous }),
    });
    // The bus and the runs downstream are keyed by the event's id: publishing again is harmless.
    const published = await context.once(`github-labels.codename-mirror:${change.eventId}`, async () => {
      await context.publish(mirror);
      return { eventId: mirror.detail.eventId };
    });
    return published.alreadyDone ? { outcome: 'skipped', detail: 'already requested by an earlier attempt' } : { detail: `${previous === undefined ? name : `${previous} → ${name}`}, colour ${change.label.color}` };
  });

  const announce = change.action === 'created' || change.changed.includes('name') || change.changed.includes('description');
  if (!run.check('a new codename or a new customer for it', announce ? undefined : 'only its colour changed: the assignment stands')) return;
  await run.step('announce codename.assigned', async () => {
    const assigned = createEvent('codename.assigned', {
      eventId: `codename-assigned:${change.eventId}`,
      receivedAt: context.clock.now().toISOString(),
      provider: 'switchboard',
      label: name,
      customerName: customerName as string,
      ...(previous === undefined ? {} : { previousLabel: previous }),
    });
    // Keyed by the event's id like the request above: publishing again is harmless.
    const published = await context.once(`github-labels.codename-assigned:${change.eventId}`, async () => {
      await context.publish(assigned);
      return { eventId: assigned.detail.eventId };
    });
    return published.alreadyDone ? { outcome: 'skipped', detail: 'already announced by an earlier attempt' } : { detail: `codename.assigned for ${name}` };
  });
}
