import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import type { RepositoryRef } from '../../events/github-events';
import type { Logger } from '../../log/logger';
import { SWITCHBOARD_VERSION } from '../../version';
import { ProviderError } from '../provider-error';
import type { GitHub, GitHubLabel, IssueComment, IssueSnapshot } from './github';
import type { GitHubCredentials } from './github-credentials';
import { LabelExistsError } from './github-errors';
import {
  addIssueLabelsRequest,
  createIssueCommentRequest,
  createLabelRequest,
  getIssueRequest,
  getLabelRequest,
  listIssueCommentsRequest,
  listLabelsRequest,
  removeIssueLabelRequest,
  updateLabelRequest,
  type GitHubRequest,
} from './github-requests';

const SwitchboardOctokit = Octokit.plugin(throttling, retry, paginateRest);
type Client = InstanceType<typeof SwitchboardOctokit>;

/** How patient the client is (tests shorten the waits, never remove them). */
export interface GitHubTuning {
  /** Milliseconds per second of a `retry-after` or of the retry backoff (1, 4, 9 … seconds). Default 1000. */
  retryAfterBaseMs?: number;
  /** Retries of a rate-limited request, and of a 5xx or network failure. Default 3. */
  maxRetries?: number;
  /** The longest `retry-after` (or wait until `x-ratelimit-reset`) waited out in-process; a longer one fails transiently and the bus retries later. Default 20 s, within the automations' 30 s Lambda timeout. */
  maxWaitSeconds?: number;
  /**
   * Spacing of writes, which GitHub asks for to stay under its secondary limits (1 s; 3 s between those that
   * notify people, like comments). Default: the throttling plugin's, shared by every client of the process.
   */
  writeSpacingMs?: number;
  /** Per request. Default 10 s. */
  timeoutMs?: number;
}

export interface LiveGitHubOptions {
  credentials: GitHubCredentials;
  /** `GITHUB_API_URL`: https://api.github.com by default; `https://HOST/api/v3` for GitHub Enterprise Server; a fake in tests. */
  apiUrl?: string | undefined;
  log: Logger;
  tuning?: GitHubTuning;
}

interface LabelData {
  name: string;
  color: string;
  description?: string | null;
}
interface IssueData {
  state: 'open' | 'closed';
  html_url: string;
  labels: (string | { name?: string })[];
}
interface CommentData {
  id: number;
  html_url: string;
  body?: string;
}

/**
 * GitHub through octokit (`@octokit/core` with the throttling, retry and pagination plugins), as a token
 * or as a GitHub App: like Probot, the app finds its installation on each repository owner
 * (`GET /repos/{owner}/{repo}/installation`, once per owner) and calls with that installation's tokens,
 * which `@octokit/auth-app` obtains, caches and renews.
 *
 * Rate limits are waited out as GitHub documents: a secondary limit for its `retry-after` (60 s when
 * absent), a primary one until `x-ratelimit-reset`, up to `maxRetries` times and never longer than
 * `maxWaitSeconds` at once; 5xx and network failures are retried with backoff. What still fails is a
 * ProviderError (rate limits, 5xx, network: transient) that carries GitHub's status and message, never
 * the request: a label's description may name a customer, and a logged error is logged with its cause.
 * A rate limit it did not wait out carries the wait GitHub asks for (`retryAfterSeconds`), so that the
 * next attempt (the bus's retry) comes no sooner.
 *
 * @example
 * const github = new LiveGitHub({ credentials: { kind: 'token', token }, apiUrl: settings.apiUrls.github, log });
 * await github.removeIssueLabel({ owner: 'example-org', name: 'product' }, 42, '+more info please');
 */
export class LiveGitHub implements GitHub {
  readonly mode = 'live';
  private readonly log: Logger;
  private readonly credentials: GitHubCredentials;
  private readonly options: ConstructorParameters<typeof SwitchboardOctokit>[0];
  private readonly tokenClient: Client | undefined;
  private readonly appClient: Client | undefined;
  /** Installation clients of a GitHub App, per repository owner (lower-case). */
  private readonly installations = new Map<string, Promise<Client>>();

  constructor(options: LiveGitHubOptions) {
    this.log = options.log;
    this.credentials = options.credentials;
    const tuning = options.tuning ?? {};
    const baseMs = tuning.retryAfterBaseMs ?? 1_000;
    const maxRetries = tuning.maxRetries ?? 3;
    const maxWaitSeconds = tuning.maxWaitSeconds ?? 20;
    const timeoutMs = tuning.timeoutMs ?? 10_000;
    const onLimit = (limit: 'primary' | 'secondary') => (retryAfter: number, request: { method: string; url: string }, _client: unknown, retryCount: number) => {
      const retrying = retryCount < maxRetries && retryAfter <= maxWaitSeconds;
      this.log.warn('GitHub rate limit', { limit, method: request.method, route: request.url, retryAfterSeconds: retryAfter, retryCount, retrying });
      return retrying;
    };
    const spacing =
      tuning.writeSpacingMs === undefined
        ? {}
        : {
            write: new Bottleneck.Group({ maxConcurrent: 1, minTime: tuning.writeSpacingMs }),
            notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: tuning.writeSpacingMs }),
          };
    this.options = {
      baseUrl: (options.apiUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
      userAgent: `switchboard/${SWITCHBOARD_VERSION}`,
      log: {
        debug: () => undefined,
        info: () => undefined,
        warn: (message: string) => this.log.warn('github client', { detail: String(message).slice(0, 300) }),
        error: (message: string) => this.log.error('github client', { detail: String(message).slice(0, 300) }),
      },
      request: { fetch: (url: string, init: RequestInit) => fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) }) },
      throttle: {
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
        retryAfterBaseValue: baseMs,
        ...spacing,
      },
      // Rate limits (403, 429) are the throttling plugin's; this one retries 5xx and network failures.
      retry: { retries: maxRetries, retryAfterBaseValue: baseMs, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    };
    if (this.credentials.kind === 'token') {
      this.tokenClient = new SwitchboardOctokit({ ...this.options, auth: this.credentials.token });
    } else {
      this.appClient = new SwitchboardOctokit({
        ...this.options,
        authStrategy: createAppAuth,
        auth: { appId: this.credentials.appId, privateKey: this.credentials.privateKey },
      });
    }
  }

  async getIssue(repository: RepositoryRef, number: number): Promise<IssueSnapshot | undefined> {
    const request = getIssueRequest(repository, number);
    return this.call(request, repository, async (client) => {
      try {
        const { data } = await send<IssueData>(client, request);
        return { found: true, state: data.state, labels: data.labels.map((label) => (typeof label === 'string' ? label : (label.name ?? ''))).filter(Boolean), url: data.html_url };
      } catch (error) {
        if (statusOf(error) === 404 || statusOf(error) === 410) return { found: false };
        throw error;
      }
    });
  }

  async removeIssueLabel(repository: RepositoryRef, number: number, label: string): Promise<{ removed: boolean }> {
    const request = removeIssueLabelRequest(repository, number, label);
    return this.call(request, repository, async (client) => {
      try {
        await send(client, request);
        return { removed: true };
      } catch (error) {
        // "Label does not exist": it is gone already, which is what was asked.
        if (statusOf(error) === 404) return { removed: false };
        throw error;
      }
    });
  }

  async addIssueLabels(repository: RepositoryRef, number: number, labels: readonly string[]): Promise<{ labels: string[] }> {
    const request = addIssueLabelsRequest(repository, number, labels);
    return this.call(request, repository, async (client) => {
      const { data } = await send<LabelData[]>(client, request);
      return { labels: data.map((label) => label.name) };
    });
  }

  async createIssueComment(repository: RepositoryRef, number: number, body: string): Promise<IssueComment> {
    const request = createIssueCommentRequest(repository, number, body);
    return this.call(request, repository, async (client) => {
      const { data } = await send<CommentData>(client, request);
      return { id: data.id, url: data.html_url };
    });
  }

  async findIssueComment(repository: RepositoryRef, number: number, search: { marker: string; since: Date }): Promise<IssueComment | undefined> {
    const request = listIssueCommentsRequest(repository, number, search.since);
    return this.call(request, repository, async (client) => {
      const comments = await paginate<CommentData>(client, request);
      const found = comments.find((comment) => comment.body?.includes(search.marker) === true);
      return found === undefined ? undefined : { id: found.id, url: found.html_url };
    });
  }

  async getLabel(repository: RepositoryRef, name: string): Promise<GitHubLabel | undefined> {
    const request = getLabelRequest(repository, name);
    return this.call(request, repository, async (client) => {
      try {
        return toLabel((await send<LabelData>(client, request)).data);
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    });
  }

  async listLabels(repository: RepositoryRef): Promise<GitHubLabel[]> {
    const request = listLabelsRequest(repository);
    return this.call(request, repository, async (client) => (await paginate<LabelData>(client, request)).map(toLabel));
  }

  async createLabel(repository: RepositoryRef, label: GitHubLabel): Promise<GitHubLabel> {
    const request = createLabelRequest(repository, label);
    return this.call(request, repository, async (client) => {
      try {
        return toLabel((await send<LabelData>(client, request)).data);
      } catch (error) {
        if (statusOf(error) === 422 && errorCodesOf(error).includes('already_exists')) throw new LabelExistsError(request.operation);
        throw error;
      }
    });
  }

  async updateLabel(repository: RepositoryRef, name: string, changes: Partial<GitHubLabel>): Promise<GitHubLabel | undefined> {
    const request = updateLabelRequest(repository, name, changes);
    return this.call(request, repository, async (client) => {
      try {
        return toLabel((await send<LabelData>(client, request)).data);
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        if (statusOf(error) === 422 && errorCodesOf(error).includes('already_exists')) throw new LabelExistsError(request.operation);
        throw error;
      }
    });
  }

  /** Runs a call with the client for the repository; what fails becomes a ProviderError (and a log line without content). */
  private async call<T>(request: GitHubRequest, repository: RepositoryRef, action: (client: Client) => Promise<T>): Promise<T> {
    try {
      return await action(await this.clientFor(repository));
    } catch (error) {
      if (error instanceof ProviderError) throw error;
      const failure = toProviderError(request.operation, error);
      this.log.warn('GitHub call failed', { operation: request.operation, transient: failure.transient, status: failure.status });
      throw failure;
    }
  }

  private clientFor(repository: RepositoryRef): Promise<Client> {
    if (this.tokenClient !== undefined) return Promise.resolve(this.tokenClient);
    const owner = repository.owner.toLowerCase();
    let client = this.installations.get(owner);
    if (client === undefined) {
      client = this.installationClient(repository).catch((error: unknown) => {
        this.installations.delete(owner); // the next call looks again (the app may be installed meanwhile)
        throw error;
      });
      this.installations.set(owner, client);
    }
    return client;
  }

  /** The installation of the app on the repository's owner, as Probot finds it, and a client acting as it. */
  private async installationClient(repository: RepositoryRef): Promise<Client> {
    const { appId, privateKey } = this.credentials as Extract<GitHubCredentials, { kind: 'app' }>;
    let installationId: number;
    try {
      const { data } = await (this.appClient as Client).request('GET /repos/{owner}/{repo}/installation', { owner: repository.owner, repo: repository.name });
      installationId = data.id;
    } catch (error) {
      if (statusOf(error) === 404) {
        throw new ProviderError('github', 'apps/get-repo-installation', false, `the GitHub App ${appId} is not installed on ${repository.owner}`, { status: 404 });
      }
      throw toProviderError('apps/get-repo-installation', error);
    }
    return new SwitchboardOctokit({ ...this.options, authStrategy: createAppAuth, auth: { appId, privateKey, installationId } });
  }
}

function send<T = unknown>(client: Client, request: GitHubRequest): Promise<{ data: T }> {
  return (client.request as unknown as (route: string, params: Record<string, unknown>) => Promise<{ data: T }>)(request.route, request.params);
}

function paginate<T>(client: Client, request: GitHubRequest): Promise<T[]> {
  return (client.paginate as unknown as (route: string, params: Record<string, unknown>) => Promise<T[]>)(request.route, request.params);
}

function toLabel(data: LabelData): GitHubLabel {
  return { name: data.name, color: data.color, description: data.description ?? null };
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

interface GitHubErrorResponse {
  headers?: Record<string, string | undefined>;
  data?: { message?: unknown; errors?: { code?: unknown }[] } | string;
}

function responseOf(error: unknown): GitHubErrorResponse | undefined {
  return (error as { response?: GitHubErrorResponse } | undefined)?.response;
}

function errorCodesOf(error: unknown): string[] {
  const data = responseOf(error)?.data;
  if (typeof data !== 'object' || !Array.isArray(data.errors)) return [];
  return data.errors.flatMap((e) => (typeof e.code === 'string' ? [e.code] : []));
}

/**
 * A failed call as a ProviderError: 429, a 403 that is a rate limit (secondary, or `x-ratelimit-remaining: 0`),
 * 5xx and answers that never came are transient; other 4xx permanent. A rate limit carries how long to wait
 * before trying again (`retryAfterSeconds`, which the bus honours). Only GitHub's own message and error codes
 * are kept, never the request or the client's error.
 */
function toProviderError(operation: string, error: unknown): ProviderError {
  const status = statusOf(error);
  const response = responseOf(error);
  if (status === undefined) {
    return new ProviderError('github', operation, false, `unexpected ${error instanceof Error ? error.name : typeof error}`);
  }
  if (response === undefined) {
    // @octokit/request answers a network failure or a timeout as status 500 without a response.
    return new ProviderError('github', operation, true, 'request failed: no answer from GitHub', { status });
  }
  const data = response.data;
  const message = typeof data === 'object' && typeof data.message === 'string' ? data.message.slice(0, 200) : '';
  const codes = errorCodesOf(error);
  const headers = response.headers ?? {};
  const rateLimited = status === 429 || (status === 403 && (headers['x-ratelimit-remaining'] === '0' || /secondary rate/i.test(message)));
  const retryAfterSeconds = rateLimited ? rateLimitWaitSeconds(headers, Date.now()) : undefined;
  const detail = [
    `HTTP ${status}`,
    message === '' ? undefined : `"${message}"`,
    codes.length === 0 ? undefined : `(${codes.join(', ')})`,
    retryAfterSeconds === undefined ? undefined : `retry after ${retryAfterSeconds}s`,
  ]
    .filter((part) => part !== undefined)
    .join(' ');
  return new ProviderError('github', operation, rateLimited || status >= 500, detail, {
    status,
    ...(codes[0] === undefined ? {} : { code: codes[0] }),
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });
}

/** GitHub's advice when a secondary rate limit names no time: "wait for at least one minute before retrying". */
const SECONDARY_LIMIT_DEFAULT_WAIT_SECONDS = 60;

/**
 * How long a rate-limited request must wait, as GitHub documents it: the `retry-after` seconds when given;
 * else, when the primary limit is used up (`x-ratelimit-remaining: 0`), until `x-ratelimit-reset` (epoch
 * seconds) and a second more, as the throttling plugin retries; else at least a minute.
 */
function rateLimitWaitSeconds(headers: Record<string, string | undefined>, nowMs: number): number {
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter !== undefined && retryAfter !== '') {
    const seconds = /^\d+$/.test(retryAfter) ? Number(retryAfter) : Math.ceil((Date.parse(retryAfter) - nowMs) / 1000);
    if (Number.isFinite(seconds)) return Math.max(seconds, 0);
  }
  const reset = Number(headers['x-ratelimit-reset']);
  if (headers['x-ratelimit-remaining'] === '0' && headers['x-ratelimit-reset'] !== undefined && Number.isFinite(reset)) {
    return Math.max(Math.ceil((reset * 1000 - nowMs) / 1000) + 1, 0);
  }
  return SECONDARY_LIMIT_DEFAULT_WAIT_SECONDS;
}
