import { randomInt } from 'node:crypto';
import type { RepositoryRef } from '../../events/github-events';
import type { Outbox } from '../outbox';
import type { GitHub, GitHubLabel, IssueComment, IssueSnapshot } from './github';
import {
  addIssueLabelsRequest,
  createIssueCommentRequest,
  createLabelRequest,
  removeIssueLabelRequest,
  updateLabelRequest,
  type GitHubRequest,
} from './github-requests';

/**
 * GitHub without GitHub: every change is recorded in the outbox as the exact REST call the live adapter
 * would make (operation, route, parameters), and answered as GitHub would. Reads have no GitHub to read:
 * an issue is unknown (`undefined`), labels and comments are none.
 */
export class DryRunGitHub implements GitHub {
  readonly mode = 'dry-run';

  constructor(private readonly outbox: Outbox) {}

  async getIssue(_repository: RepositoryRef, _number: number): Promise<IssueSnapshot | undefined> {
    return undefined;
  }

  async removeIssueLabel(repository: RepositoryRef, number: number, label: string): Promise<{ removed: boolean }> {
    await this.record(removeIssueLabelRequest(repository, number, label));
    return { removed: true };
  }

  async addIssueLabels(repository: RepositoryRef, number: number, labels: readonly string[]): Promise<{ labels: string[] }> {
    await this.record(addIssueLabelsRequest(repository, number, labels));
    return { labels: [...labels] };
  }

  async createIssueComment(repository: RepositoryRef, number: number, body: string): Promise<IssueComment> {
    await this.record(createIssueCommentRequest(repository, number, body));
    const id = randomInt(1, 2 ** 47);
    return { id, url: `https://github.com/${repository.owner}/${repository.name}/issues/${number}#issuecomment-${id}` };
  }

  async findIssueComment(_repository: RepositoryRef, _number: number, _search: { marker: string; since: Date }): Promise<IssueComment | undefined> {
    return undefined;
  }

  async getLabel(_repository: RepositoryRef, _name: string): Promise<GitHubLabel | undefined> {
    return undefined;
  }

  async listLabels(_repository: RepositoryRef): Promise<GitHubLabel[]> {
    return [];
  }

  async createLabel(repository: RepositoryRef, label: GitHubLabel): Promise<GitHubLabel> {
    await this.record(createLabelRequest(repository, label));
    return label;
  }

  async updateLabel(repository: RepositoryRef, name: string, changes: Partial<GitHubLabel>): Promise<GitHubLabel | undefined> {
    await this.record(updateLabelRequest(repository, name, changes));
    return { name: changes.name ?? name, color: changes.color ?? '', description: changes.description ?? null };
  }

  private async record(request: GitHubRequest): Promise<void> {
    await this.outbox.record('github', request.operation, { route: request.route, ...request.params });
  }
}
