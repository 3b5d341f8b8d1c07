import { ProviderError } from '../provider-error';
import type { GitHub } from './github';

/**
 * On AWS providers are live; without GitHub credentials they cannot be. Each call then fails permanently
 * with a message that says what to set, so the run shows it (and a replay works once it is set).
 */
export class UnconfiguredGitHub implements GitHub {
  readonly mode = 'live';

  getIssue = () => this.missing('issues/get');
  removeIssueLabel = () => this.missing('issues/remove-label');
  addIssueLabels = () => this.missing('issues/add-labels');
  createIssueComment = () => this.missing('issues/create-comment');
  findIssueComment = () => this.missing('issues/list-comments');
  getLabel = () => this.missing('issues/get-label');
  listLabels = () => this.missing('issues/list-labels-for-repo');
  createLabel = () => this.missing('issues/create-label');
  updateLabel = () => this.missing('issues/update-label');

  private async missing(operation: string): Promise<never> {
    throw new ProviderError('github', operation, false, 'neither GITHUB_TOKEN nor GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY are set in the Switchboard secret');
  }
}
