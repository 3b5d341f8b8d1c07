import examples from '@octokit/webhooks-examples';
import { sendSignedGitHubRequest } from '../../infra/cli/scenarios/send-signed-github-request';

/**
 * GitHub's webhook payloads for the tests, always taken from `@octokit/webhooks-examples` (GitHub's own
 * examples) and retargeted: the repository, the issue's number, state and labels, who acted. Nothing is
 * invented that the examples do not have, except what they lack: a `closed` issue (the `reopened`
 * example, closed) and a comment on a pull request (the issue gets GitHub's `pull_request` links).
 */

export const TEST_GITHUB_WEBHOOK_SECRET = 'test-github-webhook-secret-0123456789';
/** The repositories of the example configuration. */
export const PUBLIC_REPO = 'example-org/product';
export const CONFIDENTIAL_REPO = 'example-org/product-confidential';

/** A webhook payload, edited freely as GitHub would have sent it. */
type Json = Record<string, any>;

/** A deep copy of GitHub's example for `event` / `action` (the first one, or the `index`th). */
export function githubExample(event: string, action?: string, index = 0): Json {
  const definition = examples.find((candidate) => candidate.name === event);
  const matching = (definition?.examples ?? []).filter((example) => action === undefined || (example as Json)['action'] === action);
  const example = matching[index];
  if (example === undefined) throw new Error(`@octokit/webhooks-examples has no ${event}${action === undefined ? '' : `.${action}`} example #${index}`);
  return structuredClone(example) as Json;
}

/** Points every repository URL and name of a payload at `fullName` ("owner/name"). */
function retarget(payload: Json, fullName: string): Json {
  const [owner, name] = fullName.split('/') as [string, string];
  const original = payload['repository']['full_name'] as string;
  const rewritten = JSON.parse(JSON.stringify(payload).replaceAll(`/${original}`, `/${fullName}`)) as Json;
  rewritten['repository']['name'] = name;
  rewritten['repository']['full_name'] = fullName;
  rewritten['repository']['owner']['login'] = owner;
  return rewritten;
}

function labelObject(name: string, color = 'ededed', description: string | null = null): Json {
  return { id: Math.abs(hash(name)), node_id: `LA_${Math.abs(hash(name))}`, url: `https://api.github.com/labels/${encodeURIComponent(name)}`, name, color, default: false, description };
}

function hash(text: string): number {
  let h = 0;
  for (const char of text) h = (Math.imul(h, 31) + char.charCodeAt(0)) | 0;
  return h;
}

export interface IssueInput {
  repo?: string;
  number?: number;
  state?: 'open' | 'closed';
  labels?: readonly string[];
  pullRequest?: boolean;
}

function withIssue(payload: Json, input: IssueInput): Json {
  const retargeted = retarget(payload, input.repo ?? PUBLIC_REPO);
  const issue = retargeted['issue'];
  const number = input.number ?? issue['number'];
  for (const field of ['url', 'html_url', 'labels_url', 'comments_url', 'events_url']) {
    issue[field] = String(issue[field]).replace(/\/issues\/\d+/, `/issues/${number}`);
  }
  issue['number'] = number;
  issue['state'] = input.state ?? 'open';
  if (issue['state'] === 'closed') issue['closed_at'] = issue['updated_at'];
  if (input.labels !== undefined) issue['labels'] = input.labels.map((name) => labelObject(name));
  if (input.pullRequest === true) {
    const pulls = String(issue['html_url']).replace('/issues/', '/pull/');
    issue['html_url'] = pulls;
    issue['pull_request'] = { url: String(issue['url']).replace('/issues/', '/pulls/'), html_url: pulls, diff_url: `${pulls}.diff`, patch_url: `${pulls}.patch` };
  }
  return retargeted;
}

export interface Actor {
  login: string;
  type?: 'User' | 'Bot' | 'Organization';
}

function asUser(user: Json, actor: Actor): Json {
  return { ...user, login: actor.login, type: actor.type ?? 'User', html_url: `https://github.com/${actor.login}`, url: `https://api.github.com/users/${actor.login}` };
}

/** `issue_comment` created: `commenter` writes on the issue, with GitHub's `author_association`. */
export function issueCommentPayload(input: IssueInput & { commenter: Actor; association?: string; body?: string }): Json {
  const payload = withIssue(githubExample('issue_comment', 'created'), input);
  payload['comment']['user'] = asUser(payload['comment']['user'], input.commenter);
  payload['comment']['author_association'] = input.association ?? 'NONE';
  payload['comment']['html_url'] = `${payload['issue']['html_url']}#issuecomment-${payload['comment']['id']}`;
  if (input.body !== undefined) payload['comment']['body'] = input.body;
  payload['sender'] = asUser(payload['sender'], input.commenter);
  return payload;
}

/** `issues` labeled / unlabeled: `label` was added to or removed from the issue (`labels` is what it has after). */
export function issueLabelPayload(action: 'labeled' | 'unlabeled', input: IssueInput & { label: string; sender?: Actor }): Json {
  const payload = withIssue(githubExample('issues', action), input);
  payload['label'] = labelObject(input.label, 'fbca04');
  payload['sender'] = asUser(payload['sender'], input.sender ?? { login: 'octocat' });
  return payload;
}

/** `issues` closed / reopened (GitHub's examples have no `closed`: the `reopened` one, closed). */
export function issueStatePayload(action: 'closed' | 'reopened', input: IssueInput & { sender?: Actor }): Json {
  const payload = withIssue(githubExample('issues', 'reopened'), { ...input, state: action === 'closed' ? 'closed' : 'open' });
  payload['action'] = action;
  payload['sender'] = asUser(payload['sender'], input.sender ?? { login: 'octocat' });
  return payload;
}

/** `label` created / edited / deleted in a repository; `previousName` makes an edit a rename. */
export function labelPayload(
  action: 'created' | 'edited' | 'deleted',
  input: { repo: string; name: string; color?: string; description?: string | null; previousName?: string; sender?: Actor },
): Json {
  const payload = retarget(githubExample('label', action), input.repo);
  payload['label'] = { ...payload['label'], ...labelObject(input.name, input.color ?? '5319e7', input.description ?? null) };
  payload['label']['url'] = `https://api.github.com/repos/${input.repo}/labels/${encodeURIComponent(input.name)}`;
  if (action === 'edited') payload['changes'] = input.previousName === undefined ? { color: { from: 'cb1f00' } } : { name: { from: input.previousName } };
  payload['sender'] = asUser(payload['sender'], input.sender ?? { login: 'octocat' });
  return payload;
}

/** The `ping` GitHub sends when a webhook is created. */
export function pingPayload(): Json {
  return githubExample('ping');
}

/** Delivers a payload to a Switchboard as GitHub would, signed with `secret` (default: the tests' webhook secret). */
export async function deliverGitHubWebhook(
  baseUrl: string,
  event: string,
  payload: unknown,
  options: { secret?: string; deliveryId?: string; contentType?: 'application/json' | 'application/x-www-form-urlencoded' } = {},
): Promise<{ status: number; body: string; deliveryId: string }> {
  return sendSignedGitHubRequest({
    url: `${baseUrl}/webhooks/github`,
    event,
    payload,
    secret: options.secret ?? TEST_GITHUB_WEBHOOK_SECRET,
    ...(options.deliveryId === undefined ? {} : { deliveryId: options.deliveryId }),
    ...(options.contentType === undefined ? {} : { contentType: options.contentType }),
  });
}
