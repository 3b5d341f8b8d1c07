import type { SlackMessage } from '../../shared/providers/slack/slack-messenger';

export interface Candidate {
  id: string;
  /** The Account's name: a customer's, fit for the internal channel only. */
  name: string;
  url: string;
}

/**
 * Told in the internal channel when a codename cannot be attached to one Account: which codename, who its
 * customer is, the Accounts that could be meant (names and links), and what to do. Internal: the
 * customer's name may appear here, never in a log.
 */
export function attentionMessage(input: {
  channel: string;
  label: string;
  customerName: string;
  field: string;
  exact: readonly Candidate[];
  similar: readonly Candidate[];
  runId: string;
}): SlackMessage {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const list = (candidates: readonly Candidate[]) => candidates.map((candidate) => `• <${candidate.url}|${escape(candidate.name)}> (${candidate.id})`).join('\n');
  const customer = `*${escape(input.customerName)}*`;
  const head =
    input.exact.length === 0
      ? `:warning: The codename \`${input.label}\` was not added to Salesforce: no Account is named exactly ${customer}.`
      : `:warning: The codename \`${input.label}\` was not added to Salesforce: ${input.exact.length} Accounts are named ${customer}, and Switchboard does not guess which one.`;
  const candidates =
    input.exact.length > 0 ? `\n${list(input.exact)}` : input.similar.length > 0 ? `\nAccounts with a similar name:\n${list(input.similar)}` : '\nNo Account has a similar name either.';
  const todo = `\nAdd \`${input.label}\` to the right Account's \`${input.field}\` by hand, or correct the Account's name and replay the run (\`switchboard runs replay ${input.runId}\`).`;
  return { channel: input.channel, text: `${head}${candidates}${todo}` };
}
