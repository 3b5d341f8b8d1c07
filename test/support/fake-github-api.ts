import { randomBytes, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliverGitHubWebhook, issueLabelPayload, labelPayload, type Actor } from './github-webhooks';

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

/** One request the fake received. */
export interface GitHubCall {
  method: string;
  /** The path below the base path, decoded segment by segment (`/repos/o/r/labels/+more info`). */
  path: string;
  /** GitHub's operation id (`issues/remove-label`), or `unknown`. */
  operation: string;
  /** The path parameters, decoded. */
  params: Record<string, string>;
  query: Record<string, string>;
  /** The JSON body, parsed (undefined without one). */
  body: unknown;
  /** The raw request, for scans: path, query, headers and body as they came over the wire. */
  raw: string;
  authorization: string | undefined;
  /** When the request arrived (`Date.now()`), to check that a retry came no sooner than it was told. */
  receivedAt: number;
  answer: ScriptedAnswer;
}

interface FakeLabel {
  name: string;
  color: string;
  description: string | null;
  id: number;
}

interface FakeComment {
  id: number;
  body: string;
  createdAt: string;
  login: string;
}

interface FakeIssue {
  number: number;
  state: 'open' | 'closed';
  labels: string[];
  pullRequest: boolean;
  comments: FakeComment[];
}

interface FakeRepository {
  owner: string;
  name: string;
  labels: FakeLabel[];
  issues: Map<number, FakeIssue>;
}

const DOCS = 'https://docs.github.com/rest';

/** GitHub's error answers, as its REST API sends them. */
export const githubAnswers = {
  /** A secondary rate limit: 403 with GitHub's documented message and `retry-after` (none when `null`: "wait at least a minute"). */
  secondaryRateLimit: (retryAfterSeconds: number | null = 1): ScriptedAnswer => ({
    status: 403,
    headers: { ...(retryAfterSeconds === null ? {} : { 'retry-after': String(retryAfterSeconds) }), 'x-ratelimit-remaining': '4990' },
    body: {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID E7B2:3A4F:1C0D2E:1D4F5A:6700A1B2.',
      documentation_url: 'https://docs.github.com/free-pro-team@latest/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: '403',
    },
  }),
  /** The primary rate limit exhausted: `x-ratelimit-remaining: 0` and the epoch second it resets at. */
  primaryRateLimit: (resetInSeconds = 1, status: 403 | 429 = 403): ScriptedAnswer => ({
    status,
    headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + resetInSeconds) },
    body: {
      message: 'API rate limit exceeded for installation ID 1.',
      documentation_url: 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-primary-rate-limits',
      status: String(status),
    },
  }),
  serverError: (status = 502): ScriptedAnswer => ({ status, body: { message: 'Server Error' } }),
  badCredentials: (): ScriptedAnswer => ({ status: 401, body: { message: 'Bad credentials', documentation_url: DOCS, status: '401' } }),
};

/** The routes of the REST API the fake answers: GitHub's operation ids and their paths. */
const ROUTES: readonly { operation: string; method: string; pattern: string }[] = [
  { operation: 'apps/get-repo-installation', method: 'GET', pattern: '/repos/{owner}/{repo}/installation' },
  { operation: 'apps/create-installation-access-token', method: 'POST', pattern: '/app/installations/{installation_id}/access_tokens' },
  { operation: 'issues/get', method: 'GET', pattern: '/repos/{owner}/{repo}/issues/{issue_number}' },
  { operation: 'issues/remove-label', method: 'DELETE', pattern: '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}' },
  { operation: 'issues/add-labels', method: 'POST', pattern: '/repos/{owner}/{repo}/issues/{issue_number}/labels' },
  { operation: 'issues/list-labels-on-issue', method: 'GET', pattern: '/repos/{owner}/{repo}/issues/{issue_number}/labels' },
  { operation: 'issues/create-comment', method: 'POST', pattern: '/repos/{owner}/{repo}/issues/{issue_number}/comments' },
  { operation: 'issues/list-comments', method: 'GET', pattern: '/repos/{owner}/{repo}/issues/{issue_number}/comments' },
  { operation: 'issues/list-labels-for-repo', method: 'GET', pattern: '/repos/{owner}/{repo}/labels' },
  { operation: 'issues/create-label', method: 'POST', pattern: '/repos/{owner}/{repo}/labels' },
  { operation: 'issues/get-label', method: 'GET', pattern: '/repos/{owner}/{repo}/labels/{name}' },
  { operation: 'issues/update-label', method: 'PATCH', pattern: '/repos/{owner}/{repo}/labels/{name}' },
  { operation: 'issues/delete-label', method: 'DELETE', pattern: '/repos/{owner}/{repo}/labels/{name}' },
];

export interface FakeGitHubOptions {
  /** The personal access token it accepts (`Authorization: token …`). */
  token?: string;
  /** A GitHub App it knows: JWTs signed by its private key (RS256, `iss` = id) are accepted on the app's routes. */
  app?: { id: string; publicKey: KeyObject };
  /** Repositories that exist ("owner/name"). */
  repositories?: readonly string[];
  /** A path prefix, as GitHub Enterprise Server's `/api/v3`. */
  basePath?: string;
  /** GitHub's clock, for the times it stamps on comments (default: the system's). */
  clock?: { now(): Date };
}

/**
 * GitHub's REST API on 127.0.0.1, answering like GitHub: issues with their labels and comments, repository
 * labels (names matched case-insensitively, 422 `already_exists`, 404 `Label does not exist`), pagination
 * with `Link` headers, rate-limit headers on every answer, 401 `Bad credentials` without a known token,
 * and a GitHub App's side (its installation per owner and installation tokens, for a JWT it can verify).
 * Answers can be scripted per operation (secondary and primary rate limits, 5xx). Like GitHub it can
 * deliver signed webhooks for the changes made through it (`deliverWebhooks`). Tests assert on `calls`.
 */
export class FakeGitHubApi {
  readonly calls: GitHubCall[] = [];
  private readonly repositories = new Map<string, FakeRepository>();
  private readonly scripts = new Map<string, ScriptedAnswer[]>();
  private readonly installationTokens = new Set<string>();
  private webhooks: { url: string; secret: string } | undefined;
  private readonly deliveries: Promise<unknown>[] = [];
  private sequence = 1_000;
  /** Webhook deliveries Switchboard refused (status ≥ 300), which a test should never see. */
  readonly refusedDeliveries: { event: string; status: number; body: string }[] = [];

  private constructor(
    private readonly server: Server,
    private readonly options: FakeGitHubOptions,
  ) {
    for (const repository of options.repositories ?? []) this.addRepository(repository);
  }

  static async start(options: FakeGitHubOptions = { token: 'ghp_testtoken0123456789' }): Promise<FakeGitHubApi> {
    let api: FakeGitHubApi | undefined;
    const server = createServer((req, res) => {
      void (api as FakeGitHubApi).answer(req).then(({ status, headers, body }) => {
        const text = body === undefined ? '' : JSON.stringify(body);
        res.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }), ...(api as FakeGitHubApi).rateLimitHeaders(), ...headers });
        res.end(text);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new FakeGitHubApi(server, options);
    return api;
  }

  /** The base URL to give the client (`GITHUB_API_URL`). */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${this.options.basePath ?? ''}`;
  }

  get token(): string | undefined {
    return this.options.token;
  }

  addRepository(fullName: string): void {
    const [owner, name] = fullName.split('/') as [string, string];
    if (!this.repositories.has(fullName.toLowerCase())) this.repositories.set(fullName.toLowerCase(), { owner, name, labels: [], issues: new Map() });
  }

  /** An issue (or pull request) as it is on GitHub now; its labels are created in the repository when missing. */
  seedIssue(fullName: string, number: number, issue: { state?: 'open' | 'closed'; labels?: readonly string[]; pullRequest?: boolean } = {}): void {
    const repository = this.repository(fullName);
    for (const label of issue.labels ?? []) this.labelIn(repository, label) ?? this.createLabelIn(repository, { name: label, color: 'ededed', description: null });
    repository.issues.set(number, { number, state: issue.state ?? 'open', labels: [...(issue.labels ?? [])], pullRequest: issue.pullRequest ?? false, comments: [] });
  }

  seedLabel(fullName: string, label: { name: string; color: string; description?: string | null }): void {
    this.createLabelIn(this.repository(fullName), { name: label.name, color: label.color, description: label.description ?? null });
  }

  /** A comment already on the issue (written at `at`, by default GitHub's now). */
  seedComment(fullName: string, number: number, body: string, at?: Date): void {
    this.issue(fullName, number).comments.push({ id: this.next(), body, createdAt: (at ?? this.now()).toISOString(), login: 'example-bot' });
  }

  /** Changes an issue's labels or state on GitHub's side, without any webhook (as if it was missed). */
  setIssue(fullName: string, number: number, change: { state?: 'open' | 'closed'; labels?: readonly string[] }): void {
    const repository = this.repository(fullName);
    const issue = this.issue(fullName, number);
    if (change.state !== undefined) issue.state = change.state;
    for (const label of change.labels ?? []) this.labelIn(repository, label) ?? this.createLabelIn(repository, { name: label, color: 'ededed', description: null });
    if (change.labels !== undefined) issue.labels = [...change.labels];
  }

  issueLabels(fullName: string, number: number): string[] {
    return [...this.issue(fullName, number).labels];
  }

  comments(fullName: string, number: number): { id: number; body: string; login: string }[] {
    return this.issue(fullName, number).comments.map(({ id, body, login }) => ({ id, body, login }));
  }

  labels(fullName: string): { name: string; color: string; description: string | null }[] {
    return this.repository(fullName).labels.map(({ name, color, description }) => ({ name, color, description }));
  }

  /** Queues answers for the next calls of `operation`, before the default behaviour resumes. */
  script(operation: string, ...answers: ScriptedAnswer[]): void {
    this.scripts.set(operation, [...(this.scripts.get(operation) ?? []), ...answers]);
  }

  callsTo(operation: string): GitHubCall[] {
    return this.calls.filter((call) => call.operation === operation);
  }

  /** Calls of `operation` that GitHub answered with success. */
  succeeded(operation: string): GitHubCall[] {
    return this.callsTo(operation).filter((call) => call.answer.status < 300);
  }

  /** Every request that concerned a repository ("owner/name"). */
  callsFor(fullName: string): GitHubCall[] {
    const prefix = `/repos/${fullName.toLowerCase()}/`;
    return this.calls.filter((call) => `${call.path.toLowerCase()}/`.startsWith(prefix) || call.path.toLowerCase() === prefix.slice(0, -1));
  }

  /** From now on, changes made through the API are delivered to `url` as signed webhooks (`label`; `issues` labeled/unlabeled). */
  deliverWebhooks(target: { url: string; secret: string } | undefined): void {
    this.webhooks = target;
  }

  /** Resolves once every webhook the fake has started delivering was answered. */
  async settled(): Promise<void> {
    while (this.deliveries.length > 0) await Promise.all(this.deliveries.splice(0));
  }

  reset(): void {
    this.calls.length = 0;
    this.scripts.clear();
  }

  async close(): Promise<void> {
    await this.settled();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private rateLimitHeaders(): Record<string, string> {
    const used = this.calls.length;
    return {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(Math.max(0, 5000 - used)),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-used': String(used),
      'x-ratelimit-resource': 'core',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
    };
  }

  private async answer(req: IncomingMessage): Promise<ScriptedAnswer> {
    const receivedAt = Date.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://github.test');
    const basePath = this.options.basePath ?? '';
    const below = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : undefined;
    const path = below === undefined ? url.pathname : below.split('/').map((segment) => decodeURIComponent(segment)).join('/');
    const method = req.method ?? 'GET';
    const route = below === undefined ? undefined : matchRoute(method, below);
    const body = rawBody === '' ? undefined : (JSON.parse(rawBody) as unknown);
    const authorization = req.headers.authorization;
    const call: Omit<GitHubCall, 'answer'> = {
      method,
      path,
      operation: route?.operation ?? 'unknown',
      params: route?.params ?? {},
      query: Object.fromEntries(url.searchParams),
      body,
      raw: `${method} ${req.url ?? ''}\n${JSON.stringify(req.headers)}\n${rawBody}`,
      authorization,
      receivedAt,
    };
    let answer: ScriptedAnswer;
    try {
      answer = this.scripts.get(call.operation)?.shift() ?? this.handle(call, url);
    } catch (error) {
      // A bug of the fake answers, rather than leaving the client waiting.
      answer = { status: 500, body: { message: `the fake GitHub failed: ${(error as Error).message}` } };
    }
    this.calls.push({ ...call, answer });
    return answer;
  }

  private handle(call: Omit<GitHubCall, 'answer'>, url: URL): ScriptedAnswer {
    if (call.operation === 'unknown') return notFound();
    const appRoute = call.operation.startsWith('apps/');
    const actor = this.authenticate(call.authorization, appRoute);
    if (actor === undefined) return githubAnswers.badCredentials();
    const p = call.params;
    switch (call.operation) {
      case 'apps/get-repo-installation': {
        const repository = this.findRepository(`${p['owner']}/${p['repo']}`);
        if (repository === undefined) return notFound();
        return ok({ id: installationIdOf(repository.owner), account: { login: repository.owner, type: 'Organization' }, app_id: Number(this.options.app?.id), target_type: 'Organization', permissions: { issues: 'write', metadata: 'read' } });
      }
      case 'apps/create-installation-access-token': {
        const token = `ghs_${randomBytes(18).toString('hex')}`;
        this.installationTokens.add(token);
        return { status: 201, body: { token, expires_at: new Date(Date.now() + 3_600_000).toISOString(), permissions: { issues: 'write', metadata: 'read' }, repository_selection: 'all' } };
      }
    }
    const repository = this.findRepository(`${p['owner']}/${p['repo']}`);
    if (repository === undefined) return notFound();
    const issueNumber = Number(p['issue_number']);
    const issue = p['issue_number'] === undefined ? undefined : repository.issues.get(issueNumber);
    if (p['issue_number'] !== undefined && issue === undefined) return notFound();
    const input = (call.body ?? {}) as Record<string, unknown>;
    switch (call.operation) {
      case 'issues/get':
        return ok(this.issueJson(repository, issue as FakeIssue));
      case 'issues/list-labels-on-issue':
        return ok((issue as FakeIssue).labels.map((name) => labelJson(repository, this.labelIn(repository, name) as FakeLabel)));
      case 'issues/remove-label': {
        const target = issue as FakeIssue;
        const index = target.labels.findIndex((name) => name.toLowerCase() === String(p['name']).toLowerCase());
        if (index < 0) return { status: 404, body: { message: 'Label does not exist', documentation_url: `${DOCS}/issues/labels#remove-a-label-from-an-issue`, status: '404' } };
        const [removed] = target.labels.splice(index, 1);
        this.deliver('issues', issueLabelPayload('unlabeled', { repo: fullNameOf(repository), number: target.number, labels: target.labels, label: removed as string, sender: actor }));
        return ok(target.labels.map((name) => labelJson(repository, this.labelIn(repository, name) as FakeLabel)));
      }
      case 'issues/add-labels': {
        const target = issue as FakeIssue;
        const names = (Array.isArray(input) ? input : (input['labels'] as unknown[] | undefined)) ?? [];
        if (!Array.isArray(names) || names.some((name) => typeof name !== 'string')) return validationFailed('labels', 'invalid');
        for (const name of names as string[]) {
          const label = this.labelIn(repository, name) ?? this.createLabelIn(repository, { name, color: 'ededed', description: null });
          if (!target.labels.some((existing) => existing.toLowerCase() === name.toLowerCase())) {
            target.labels.push(label.name);
            this.deliver('issues', issueLabelPayload('labeled', { repo: fullNameOf(repository), number: target.number, labels: target.labels, label: label.name, sender: actor }));
          }
        }
        return ok(target.labels.map((name) => labelJson(repository, this.labelIn(repository, name) as FakeLabel)));
      }
      case 'issues/create-comment': {
        if (typeof input['body'] !== 'string' || input['body'] === '') return validationFailed('body', 'missing_field');
        const now = this.now().toISOString();
        const comment: FakeComment = { id: this.next(), body: input['body'], createdAt: now, login: actor.login };
        (issue as FakeIssue).comments.push(comment);
        return { status: 201, body: this.commentJson(repository, issue as FakeIssue, comment) };
      }
      case 'issues/list-comments': {
        const since = url.searchParams.get('since');
        const comments = (issue as FakeIssue).comments.filter((comment) => since === null || comment.createdAt >= new Date(since).toISOString());
        return this.page(url, comments.map((comment) => this.commentJson(repository, issue as FakeIssue, comment)));
      }
      case 'issues/list-labels-for-repo':
        return this.page(url, repository.labels.map((label) => labelJson(repository, label)));
      case 'issues/get-label': {
        const label = this.labelIn(repository, String(p['name']));
        return label === undefined ? notFound(`${DOCS}/issues/labels#get-a-label`) : ok(labelJson(repository, label));
      }
      case 'issues/create-label': {
        const invalid = validateLabelInput(input, true);
        if (invalid !== undefined) return invalid;
        if (this.labelIn(repository, String(input['name'])) !== undefined) return validationFailed('name', 'already_exists');
        const label = this.createLabelIn(repository, {
          name: String(input['name']),
          color: String(input['color'] ?? 'ededed').replace(/^#/, ''),
          description: typeof input['description'] === 'string' ? input['description'] : null,
        });
        this.deliver('label', labelPayload('created', { repo: fullNameOf(repository), name: label.name, color: label.color, description: label.description, sender: actor }));
        return { status: 201, body: labelJson(repository, label) };
      }
      case 'issues/update-label': {
        const label = this.labelIn(repository, String(p['name']));
        if (label === undefined) return notFound(`${DOCS}/issues/labels#update-a-label`);
        const invalid = validateLabelInput(input, false);
        if (invalid !== undefined) return invalid;
        const newName = typeof input['new_name'] === 'string' ? input['new_name'] : undefined;
        if (newName !== undefined && newName.toLowerCase() !== label.name.toLowerCase() && this.labelIn(repository, newName) !== undefined) return validationFailed('name', 'already_exists');
        const previousName = label.name;
        if (newName !== undefined) {
          for (const each of repository.issues.values()) each.labels = each.labels.map((name) => (name === previousName ? newName : name));
          label.name = newName;
        }
        if (typeof input['color'] === 'string') label.color = input['color'].replace(/^#/, '');
        if (typeof input['description'] === 'string') label.description = input['description'] === '' ? null : input['description'];
        this.deliver(
          'label',
          labelPayload('edited', { repo: fullNameOf(repository), name: label.name, color: label.color, description: label.description, ...(previousName === label.name ? {} : { previousName }), sender: actor }),
        );
        return ok(labelJson(repository, label));
      }
      case 'issues/delete-label': {
        const label = this.labelIn(repository, String(p['name']));
        if (label === undefined) return notFound();
        repository.labels = repository.labels.filter((each) => each !== label);
        for (const each of repository.issues.values()) each.labels = each.labels.filter((name) => name !== label.name);
        this.deliver('label', labelPayload('deleted', { repo: fullNameOf(repository), name: label.name, color: label.color, description: label.description, sender: actor }));
        return { status: 204, body: undefined };
      }
      default:
        return notFound();
    }
  }

  /** Who the credentials are: a token's user, the app (JWT, on app routes only), or an installation's bot. */
  private authenticate(authorization: string | undefined, appRoute: boolean): Actor | undefined {
    const [scheme, credential] = (authorization ?? '').split(' ');
    if (credential === undefined) return undefined;
    const lower = scheme?.toLowerCase();
    if (lower === 'bearer' && appRoute && this.options.app !== undefined && this.verifyJwt(credential)) return { login: 'switchboard-app[bot]', type: 'Bot' };
    if (lower !== 'token' && lower !== 'bearer') return undefined;
    if (credential === this.options.token) return { login: 'example-bot', type: 'User' };
    if (!appRoute && this.installationTokens.has(credential)) return { login: 'switchboard-app[bot]', type: 'Bot' };
    return undefined;
  }

  private verifyJwt(jwt: string): boolean {
    const [header, payload, signature] = jwt.split('.');
    if (header === undefined || payload === undefined || signature === undefined || this.options.app === undefined) return false;
    const valid = verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), this.options.app.publicKey, Buffer.from(signature, 'base64url'));
    if (!valid) return false;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iss?: unknown; exp?: unknown };
    return String(claims.iss) === this.options.app.id && typeof claims.exp === 'number' && claims.exp > Date.now() / 1000;
  }

  private page(url: URL, items: unknown[]): ScriptedAnswer {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number) => {
      const next = new URL(`${url.pathname}${url.search}`, `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`);
      next.searchParams.set('page', String(n));
      next.searchParams.set('per_page', String(perPage));
      return next.href;
    };
    const links = page < last ? [`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`] : [];
    return { status: 200, headers: links.length === 0 ? {} : { link: links.join(', ') }, body: items.slice((page - 1) * perPage, page * perPage) };
  }

  private deliver(event: string, payload: unknown): void {
    const target = this.webhooks;
    if (target === undefined) return;
    this.deliveries.push(
      deliverGitHubWebhook(target.url, event, payload, { secret: target.secret }).then((answer) => {
        if (answer.status >= 300) this.refusedDeliveries.push({ event, status: answer.status, body: answer.body });
      }),
    );
  }

  private repository(fullName: string): FakeRepository {
    const repository = this.findRepository(fullName);
    if (repository === undefined) throw new Error(`the fake GitHub has no repository ${fullName}`);
    return repository;
  }

  private findRepository(fullName: string): FakeRepository | undefined {
    return this.repositories.get(fullName.toLowerCase());
  }

  private issue(fullName: string, number: number): FakeIssue {
    const issue = this.repository(fullName).issues.get(number);
    if (issue === undefined) throw new Error(`the fake GitHub has no issue ${fullName}#${number}`);
    return issue;
  }

  private labelIn(repository: FakeRepository, name: string): FakeLabel | undefined {
    return repository.labels.find((label) => label.name.toLowerCase() === name.toLowerCase());
  }

  private createLabelIn(repository: FakeRepository, label: Omit<FakeLabel, 'id'>): FakeLabel {
    const created = { ...label, id: this.next() };
    repository.labels.push(created);
    return created;
  }

  private issueJson(repository: FakeRepository, issue: FakeIssue): Record<string, unknown> {
    const base = `https://github.com/${fullNameOf(repository)}`;
    return {
      url: `https://api.github.com/repos/${fullNameOf(repository)}/issues/${issue.number}`,
      html_url: `${base}/${issue.pullRequest ? 'pull' : 'issues'}/${issue.number}`,
      number: issue.number,
      state: issue.state,
      title: 'Spelling error in the README file',
      labels: issue.labels.map((name) => labelJson(repository, this.labelIn(repository, name) as FakeLabel)),
      comments: issue.comments.length,
      ...(issue.pullRequest ? { pull_request: { url: `https://api.github.com/repos/${fullNameOf(repository)}/pulls/${issue.number}` } } : {}),
    };
  }

  private commentJson(repository: FakeRepository, issue: FakeIssue, comment: FakeComment): Record<string, unknown> {
    return {
      id: comment.id,
      html_url: `https://github.com/${fullNameOf(repository)}/issues/${issue.number}#issuecomment-${comment.id}`,
      body: comment.body,
      user: { login: comment.login },
      created_at: comment.createdAt,
      updated_at: comment.createdAt,
      author_association: 'NONE',
    };
  }

  private now(): Date {
    return this.options.clock?.now() ?? new Date();
  }

  private next(): number {
    this.sequence += 1;
    return this.sequence;
  }
}

function matchRoute(method: string, path: string): { operation: string; params: Record<string, string> } | undefined {
  const segments = path.split('/');
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const pattern = route.pattern.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, index) => {
      const segment = segments[index] as string;
      if (part.startsWith('{')) {
        params[part.slice(1, -1)] = decodeURIComponent(segment);
        return segment !== '';
      }
      return part === segment;
    });
    if (matches) return { operation: route.operation, params };
  }
  return undefined;
}

function validateLabelInput(input: Record<string, unknown>, creating: boolean): ScriptedAnswer | undefined {
  if (creating && (typeof input['name'] !== 'string' || input['name'] === '')) return validationFailed('name', 'missing_field');
  if (input['color'] !== undefined && !/^#?[0-9a-fA-F]{6}$/.test(String(input['color']))) return validationFailed('color', 'invalid');
  if (typeof input['description'] === 'string' && input['description'].length > 100) return validationFailed('description', 'invalid');
  return undefined;
}

function installationIdOf(owner: string): number {
  let id = 7;
  for (const char of owner.toLowerCase()) id = (id * 31 + char.charCodeAt(0)) % 90_000_000;
  return id + 10_000_000;
}

function fullNameOf(repository: FakeRepository): string {
  return `${repository.owner}/${repository.name}`;
}

function labelJson(repository: FakeRepository, label: FakeLabel): Record<string, unknown> {
  return {
    id: label.id,
    node_id: `LA_kw${label.id}`,
    url: `https://api.github.com/repos/${fullNameOf(repository)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: false,
    description: label.description,
  };
}

const ok = (body: unknown): ScriptedAnswer => ({ status: 200, body });
const notFound = (documentation = DOCS): ScriptedAnswer => ({ status: 404, body: { message: 'Not Found', documentation_url: documentation, status: '404' } });
const validationFailed = (field: string, code: string): ScriptedAnswer => ({
  status: 422,
  body: { message: 'Validation Failed', errors: [{ resource: 'Label', code, field }], documentation_url: `${DOCS}/issues/labels`, status: '422' },
});
