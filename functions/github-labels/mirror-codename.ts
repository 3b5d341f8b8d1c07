import type { AutomationContext } from '../../shared/automation/automation';
import type { EventOf } from '../../shared/events/catalogue';
import type { RepositoryRef } from '../../shared/events/github-events';
import { ensureLabel } from '../../shared/providers/github/ensure-label';
import type { GitHub } from '../../shared/providers/github/github';
import { repositoryName } from '../../shared/providers/github/github';
import { isCodename } from './codename-label';
import { labelSettingsOf } from './label-settings';

/**
 * The public copy of a codename label: the same name and colour, and the configured neutral description,
 * never the customer's name (this run never holds it). A rename renames the public copy, when it exists
 * and the new name is free; otherwise the new name is created.
 */
export async function mirrorCodename(event: EventOf<'github.codename.mirror.requested'>, context: AutomationContext): Promise<void> {
  const { run } = context;
  const request = event.detail;
  const settings = labelSettingsOf(context.config);
  const { pattern, repositories, publicDescription } = settings.codenames;
  if (!run.check('codename repositories configured', repositories === undefined ? 'githubLabels.repositories is not configured' : undefined)) return;
  const target = (repositories as NonNullable<typeof repositories>).public;
  const { name, color } = request.label;
  if (!run.check('a codename label', isCodename(name, pattern) ? undefined : `"${name}" does not match ${pattern.source}`, name)) return;

  await run.step(`mirror ${name} to ${repositoryName(target)}`, async () => {
    // Ensuring a label is idempotent by nature (it reads first, then creates or updates to match), so a
    // claim taken over after a crash simply ensures again.
    const mirrored = await context.once(`github-labels.mirror:${request.eventId}`, async () => {
      const renamed = request.previousName === undefined ? false : await renameIfFree(context.github, target, request.previousName, name);
      const { outcome } = await ensureLabel(context.github, target, { name, color, description: publicDescription });
      return { outcome: renamed ? 'renamed' : outcome };
    });
    if (mirrored.alreadyDone) return { outcome: 'skipped', detail: `already ${mirrored.result.outcome} by an earlier attempt` };
    return { detail: `${mirrored.result.outcome === 'renamed' ? `renamed ${request.previousName} to ${name}` : mirrored.result.outcome}, colour ${color}` };
  });
}

/** Renames the public copy `from` → `to` when `from` exists and `to` does not yet; true when it did. */
async function renameIfFree(github: GitHub, repository: RepositoryRef, from: string, to: string): Promise<boolean> {
  if (from.toLowerCase() !== to.toLowerCase() && (await github.getLabel(repository, to)) !== undefined) return false;
  const existing = await github.getLabel(repository, from);
  if (existing === undefined) return false;
  return (await github.updateLabel(repository, existing.name, { name: to })) !== undefined;
}
