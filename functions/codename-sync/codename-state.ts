import type { GitHub, GitHubLabel } from '../../shared/providers/github/github';
import type { Salesforce, SalesforceAccount } from '../../shared/providers/salesforce/salesforce';
import type { SyncSettings } from './sync-settings';

/** The codename labels of both repositories and the Accounts whose label field is not empty, as read now. */
export interface CodenameState {
  confidential: GitHubLabel[];
  public: GitHubLabel[];
  accounts: SalesforceAccount[];
}

/** Reads both repositories' codename labels and the labelled Accounts (three reads, all pages). */
export async function readCodenameState(github: GitHub, salesforce: Salesforce, settings: SyncSettings): Promise<CodenameState> {
  const repositories = settings.repositories;
  if (repositories === undefined) throw new Error('githubLabels.repositories is not configured');
  const codenames = (labels: GitHubLabel[]) => labels.filter((label) => settings.pattern.test(label.name));
  const [confidential, publicLabels, accounts] = await Promise.all([
    github.listLabels(repositories.confidential),
    github.listLabels(repositories.public),
    salesforce.listAccountsWithLabels(settings.field),
  ]);
  return { confidential: codenames(confidential), public: codenames(publicLabels), accounts };
}
