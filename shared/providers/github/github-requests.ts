import type { RepositoryRef } from '../../events/github-events';
import type { GitHubLabel } from './github';

/**
 * One GitHub REST call: its operation (GitHub's operation id), its route and parameters, exactly as
 * octokit's `request(route, params)` takes them. Built in one place, so that the dry-run outbox records
 * what the live client sends.
 */
export interface GitHubRequest {
  operation: string;
  route: string;
  params: Record<string, unknown>;
}

const repo = (repository: RepositoryRef) => ({ owner: repository.owner, repo: repository.name });

export const getIssueRequest = (repository: RepositoryRef, number: number): GitHubRequest => ({
  operation: 'issues/get',
  route: 'GET /repos/{owner}/{repo}/issues/{issue_number}',
  params: { ...repo(repository), issue_number: number },
});

export const removeIssueLabelRequest = (repository: RepositoryRef, number: number, name: string): GitHubRequest => ({
  operation: 'issues/remove-label',
  route: 'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
  params: { ...repo(repository), issue_number: number, name },
});

export const addIssueLabelsRequest = (repository: RepositoryRef, number: number, labels: readonly string[]): GitHubRequest => ({
  operation: 'issues/add-labels',
  route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
  params: { ...repo(repository), issue_number: number, labels: [...labels] },
});

export const createIssueCommentRequest = (repository: RepositoryRef, number: number, body: string): GitHubRequest => ({
  operation: 'issues/create-comment',
  route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  params: { ...repo(repository), issue_number: number, body },
});

export const listIssueCommentsRequest = (repository: RepositoryRef, number: number, since: Date): GitHubRequest => ({
  operation: 'issues/list-comments',
  route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
  params: { ...repo(repository), issue_number: number, since: since.toISOString(), per_page: 100 },
});

export const getLabelRequest = (repository: RepositoryRef, name: string): GitHubRequest => ({
  operation: 'issues/get-label',
  route: 'GET /repos/{owner}/{repo}/labels/{name}',
  params: { ...repo(repository), name },
});

export const listLabelsRequest = (repository: RepositoryRef): GitHubRequest => ({
  operation: 'issues/list-labels-for-repo',
  route: 'GET /repos/{owner}/{repo}/labels',
  params: { ...repo(repository), per_page: 100 },
});

export const createLabelRequest = (repository: RepositoryRef, label: GitHubLabel): GitHubRequest => ({
  operation: 'issues/create-label',
  route: 'POST /repos/{owner}/{repo}/labels',
  params: { ...repo(repository), name: label.name, color: label.color, ...(label.description === null ? {} : { description: label.description }) },
});

export const updateLabelRequest = (repository: RepositoryRef, name: string, changes: Partial<GitHubLabel>): GitHubRequest => ({
  operation: 'issues/update-label',
  route: 'PATCH /repos/{owner}/{repo}/labels/{name}',
  params: {
    ...repo(repository),
    name,
    ...(changes.name === undefined ? {} : { new_name: changes.name }),
    ...(changes.color === undefined ? {} : { color: changes.color }),
    ...(changes.description === undefined ? {} : { description: changes.description ?? '' }),
  },
});
