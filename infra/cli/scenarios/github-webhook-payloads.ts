import { createHash } from 'node:crypto';

/**
 * GitHub webhook payloads for `switchboard simulate`, in the shape of GitHub's documented examples
 * (`@octokit/webhooks-examples`): the same fields, fewer of them, values made up but consistent (ids
 * derived from names, URLs from the repository). The tests check that every field here is one GitHub's
 * examples have, and that ingest takes them.
 */

export interface SimulatedUser {
  login: string;
  /** `User`, or `Bot` for an app's bot account. */
  type: 'User' | 'Bot';
}

export interface SimulatedIssue {
  /** "owner/name". */
  repository: string;
  number: number;
  state: 'open' | 'closed';
  labels: readonly string[];
  pullRequest: boolean;
}

/** `issue_comment` created: `commenter` writes on the issue, with GitHub's `author_association`. */
export function issueCommentWebhook(input: SimulatedIssue & { commenter: SimulatedUser; association: string; body: string }): Record<string, unknown> {
  const issue = issueObject(input);
  const id = idOf(`comment:${input.repository}#${input.number}:${input.commenter.login}:${Date.now()}`);
  const now = timestamp();
  return {
    action: 'created',
    issue,
    comment: {
      url: `${apiUrl(input.repository)}/issues/comments/${id}`,
      html_url: `${issue['html_url'] as string}#issuecomment-${id}`,
      issue_url: issue['url'],
      id,
      node_id: nodeId('IC', id),
      user: user(input.commenter),
      created_at: now,
      updated_at: now,
      author_association: input.association,
      body: input.body,
    },
    repository: repositoryObject(input.repository),
    sender: user(input.commenter),
  };
}

/** An issue as an `issues` event carries it: GitHub sends these for issues only (a pull request's labels come as `pull_request`). */
export type SimulatedPlainIssue = Omit<SimulatedIssue, 'pullRequest'>;

/** `issues` labeled / unlabeled: `label` was added to or removed from the issue (`labels` is what it has after). */
export function issueLabelWebhook(input: SimulatedPlainIssue & { action: 'labeled' | 'unlabeled'; label: string; sender: SimulatedUser }): Record<string, unknown> {
  return {
    action: input.action,
    issue: issueObject({ ...input, pullRequest: false }),
    label: labelObject(input.repository, input.label, 'ededed', null),
    repository: repositoryObject(input.repository),
    sender: user(input.sender),
  };
}

/** `issues` closed / reopened: the issue in its new state, with the labels it carries. */
export function issueStateWebhook(input: Omit<SimulatedPlainIssue, 'state'> & { action: 'closed' | 'reopened'; sender: SimulatedUser }): Record<string, unknown> {
  return {
    action: input.action,
    issue: issueObject({ ...input, state: input.action === 'closed' ? 'closed' : 'open', pullRequest: false }),
    repository: repositoryObject(input.repository),
    sender: user(input.sender),
  };
}

/** `label` created / edited / deleted in a repository; `previousName` makes an edit a rename. */
export function labelWebhook(input: {
  action: 'created' | 'edited' | 'deleted';
  repository: string;
  name: string;
  color: string;
  description: string | null;
  previousName?: string;
  sender: SimulatedUser;
}): Record<string, unknown> {
  return {
    action: input.action,
    label: labelObject(input.repository, input.name, input.color, input.description),
    ...(input.action === 'edited' ? { changes: input.previousName === undefined ? { description: { from: '' } } : { name: { from: input.previousName } } } : {}),
    repository: repositoryObject(input.repository),
    sender: user(input.sender),
  };
}

function issueObject(input: SimulatedIssue): Record<string, unknown> {
  const api = `${apiUrl(input.repository)}/issues/${input.number}`;
  const html = `https://github.com/${input.repository}/${input.pullRequest ? 'pull' : 'issues'}/${input.number}`;
  const id = idOf(`issue:${input.repository}#${input.number}`);
  const created = '2026-11-02T17:04:51Z';
  return {
    url: api,
    repository_url: apiUrl(input.repository),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: html,
    id,
    node_id: nodeId('I_kw', id),
    number: input.number,
    title: 'Exports time out for large workspaces',
    user: user({ login: 'a-reporter', type: 'User' }),
    labels: input.labels.map((name) => labelObject(input.repository, name, 'ededed', null)),
    state: input.state,
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: 1,
    created_at: created,
    updated_at: timestamp(),
    closed_at: input.state === 'closed' ? timestamp() : null,
    author_association: 'NONE',
    ...(input.pullRequest
      ? { pull_request: { url: `${apiUrl(input.repository)}/pulls/${input.number}`, html_url: html, diff_url: `${html}.diff`, patch_url: `${html}.patch` } }
      : {}),
    body: 'Exporting a workspace with more than 10,000 items times out after 30 seconds.',
  };
}

function repositoryObject(fullName: string): Record<string, unknown> {
  const [owner = '', name = ''] = fullName.split('/');
  const id = idOf(`repository:${fullName}`);
  return {
    id,
    node_id: nodeId('R_kg', id),
    name,
    full_name: fullName,
    private: false,
    owner: { ...user({ login: owner, type: 'User' }), type: 'Organization' },
    html_url: `https://github.com/${fullName}`,
    url: apiUrl(fullName),
    default_branch: 'main',
  };
}

function labelObject(repository: string, name: string, color: string, description: string | null): Record<string, unknown> {
  const id = idOf(`label:${repository}:${name}`);
  return { id, node_id: nodeId('LA_kw', id), url: `${apiUrl(repository)}/labels/${encodeURIComponent(name)}`, name, color, default: false, description };
}

function user(input: SimulatedUser): Record<string, unknown> {
  const id = idOf(`user:${input.login}`);
  return {
    login: input.login,
    id,
    node_id: nodeId('U_kg', id),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    html_url: `https://github.com/${input.login}`,
    url: `https://api.github.com/users/${input.login}`,
    type: input.type,
    site_admin: false,
  };
}

const apiUrl = (fullName: string) => `https://api.github.com/repos/${fullName}`;

/** A stable id of up to 10 digits for a name, as GitHub's numeric ids look. */
function idOf(name: string): number {
  return (Number.parseInt(createHash('sha256').update(name).digest('hex').slice(0, 8), 16) % 9_000_000_000) + 100_000_000;
}

function nodeId(prefix: string, id: number): string {
  return `${prefix}${Buffer.from(String(id)).toString('base64url')}`;
}

function timestamp(): string {
  return `${new Date().toISOString().slice(0, 19)}Z`;
}
