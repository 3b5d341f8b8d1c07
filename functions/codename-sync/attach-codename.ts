import { postMessageOnce } from '../../shared/automation/post-message-once';
import type { AutomationContext } from '../../shared/automation/automation';
import type { EventOf } from '../../shared/events/catalogue';
import type { SalesforceAccount } from '../../shared/providers/salesforce/salesforce';
import { addLabelToAccount } from './add-label-to-account';
import { attentionMessage, type Candidate } from './attention-message';
import { NeedsAttentionError } from './needs-attention';
import { syncSettingsOf } from './sync-settings';

/**
 * A codename was assigned to a customer in the confidential repository: find the customer's Account by its
 * exact name, and add the codename to its label field, keeping the other labels (a rename replaces the old
 * name). No Account of that name, or several: nothing is guessed; the internal channel is told, with the
 * candidates, and the run ends needing attention.
 *
 * The run holds the customer's name in its trigger; its details name Accounts by id only.
 */
export async function attachCodename(event: EventOf<'codename.assigned'>, context: AutomationContext): Promise<void> {
  const { run, salesforce } = context;
  const assigned = event.detail;
  const settings = syncSettingsOf(context.config);
  const { label } = assigned;
  if (!run.check('a codename label', settings.pattern.test(label) ? undefined : `"${label}" does not match ${settings.pattern.source}`, label)) return;

  const found = await run.step('find the Account', async () => {
    const accounts = await salesforce.findAccountsByName(assigned.customerName, settings.field);
    const ids = accounts.map((account) => account.id).join(', ');
    const dryRun = salesforce.mode === 'dry-run' ? ' (dry-run: a stand-in, Salesforce is not read)' : '';
    const detail =
      accounts.length === 1
        ? `Account ${ids}${dryRun}`
        : accounts.length === 0
          ? `no Account is named as the customer of ${label}`
          : `${accounts.length} Accounts are named as the customer of ${label}: ${ids}`;
    return { detail, accounts };
  });
  const accounts = found.accounts;

  if (accounts.length !== 1) {
    await tellTheTeam(event, context, accounts);
    await run.step('needs attention', async () => {
      throw new NeedsAttentionError(
        `${accounts.length === 0 ? 'no Account' : `${accounts.length} Accounts`} for ${label}: the team was told in ${settings.slackChannel}; add ${label} to the right Account's ${settings.field} by hand, or correct the Account's name and replay this run`,
      );
    });
    return;
  }

  const account = accounts[0] as SalesforceAccount;
  await run.step(`add ${label} to the Account's ${settings.field}`, async () => {
    // A field update is idempotent by nature: the field is read again and the label added only when it is
    // missing, so a claim taken over after a crash simply does it again, and no look-up is needed.
    const added = await context.once(`codename-sync.field:${assigned.eventId}`, () => addLabelToAccount(salesforce, account, settings, label, assigned.previousLabel));
    if (added.alreadyDone) return { outcome: 'skipped', detail: `already ${added.result} by an earlier attempt (Account ${account.id})` };
    const what = added.result === 'renamed' ? `renamed ${assigned.previousLabel} to ${label}` : added.result === 'added' ? `added ${label}` : `${label} was already there`;
    return { detail: `${what} on Account ${account.id}` };
  });
}

/** Posts the codename, the customer and the candidates (with links) to the internal channel, once. */
async function tellTheTeam(event: EventOf<'codename.assigned'>, context: AutomationContext, exact: readonly SalesforceAccount[]): Promise<void> {
  const { run, salesforce } = context;
  const assigned = event.detail;
  const settings = syncSettingsOf(context.config);
  await run.step('tell the team', async () => {
    const similar = exact.length === 0 ? await similarAccounts(context, assigned.customerName, settings.field) : [];
    const candidates = async (accounts: readonly SalesforceAccount[]): Promise<Candidate[]> =>
      Promise.all(accounts.map(async (account) => ({ id: account.id, name: account.name, url: await salesforce.accountUrl(account.id) })));
    const message = attentionMessage({
      channel: settings.slackChannel,
      label: assigned.label,
      customerName: assigned.customerName,
      field: settings.field,
      exact: await candidates(exact),
      similar: await candidates(similar),
      runId: run.runId,
    });
    // Found again in the channel after a crash, by the key in its metadata: the team is told once.
    const posted = await postMessageOnce(context, `codename-sync.attention:${assigned.eventId}`, message);
    return posted.alreadyDone ? { outcome: 'skipped', detail: `already told (${posted.result.ts})` } : { detail: `told ${settings.slackChannel} (${posted.result.ts})` };
  });
}

/** Accounts whose name contains the longest word of the customer's name (3 letters or more): what the team may have meant. */
async function similarAccounts(context: AutomationContext, customerName: string, field: string): Promise<SalesforceAccount[]> {
  const word = customerName
    .split(/[\s,.()/&-]+/)
    .filter((part) => part.length >= 3)
    .sort((a, b) => b.length - a.length)[0];
  return word === undefined ? [] : context.salesforce.findAccountsNameContaining(word, field);
}
