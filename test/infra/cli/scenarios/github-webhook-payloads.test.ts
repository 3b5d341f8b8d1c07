import { describe, expect, it } from 'vitest';
import { issueCommentPayloadSchema, issueLabelPayloadSchema, issueStatePayloadSchema, labelPayloadSchema } from '../../../../functions/ingest/github/github-payloads';
import { issueCommentWebhook, issueLabelWebhook, issueStateWebhook, labelWebhook } from '../../../../infra/cli/scenarios/github-webhook-payloads';
import examples from '@octokit/webhooks-examples';

/** Every key path of a JSON value (array items as `[]`). */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => keyPaths(item, `${prefix}[]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => [`${prefix}${key}`, ...keyPaths(child, `${prefix}${key}.`)]);
}

/** The key paths of every example GitHub gives of `event` (examples differ in their optional fields). */
function exampleKeyPaths(event: string): Set<string> {
  return new Set((examples.find((definition) => definition.name === event)?.examples ?? []).flatMap((example) => keyPaths(example)));
}

describe("the simulated GitHub webhooks, against GitHub's own examples", () => {
  it('give an issue_comment only fields that GitHub sends, in the shape ingest reads', () => {
    const simulated = issueCommentWebhook({
      repository: 'example-org/product',
      number: 7,
      state: 'open',
      labels: ['+more info please'],
      pullRequest: false,
      commenter: { login: 'someone', type: 'User' },
      association: 'NONE',
      body: 'logs attached',
    });
    const known = exampleKeyPaths('issue_comment');

    const invented = keyPaths(simulated).filter((path) => !known.has(path));

    expect(invented).toEqual([]);
    expect(issueCommentPayloadSchema.safeParse(simulated).success).toBe(true);
  });

  it('give a pull request the links GitHub gives it', () => {
    const simulated = issueCommentWebhook({ repository: 'example-org/product', number: 7, state: 'open', labels: [], pullRequest: true, commenter: { login: 'someone', type: 'User' }, association: 'NONE', body: '' });

    expect((simulated['issue'] as Record<string, unknown>)['pull_request']).toEqual({
      url: 'https://api.github.com/repos/example-org/product/pulls/7',
      html_url: 'https://github.com/example-org/product/pull/7',
      diff_url: 'https://github.com/example-org/product/pull/7.diff',
      patch_url: 'https://github.com/example-org/product/pull/7.patch',
    });
  });

  it('give an issues event (labeled, unlabeled, closed, reopened) only fields that GitHub sends, in the shape ingest reads', () => {
    const known = exampleKeyPaths('issues');
    const issue = { repository: 'example-org/product', number: 42, labels: ['bug', '~investigate'] };
    const sender = { login: 'octocat', type: 'User' } as const;
    for (const action of ['labeled', 'unlabeled'] as const) {
      const simulated = issueLabelWebhook({ ...issue, action, state: 'open', label: '~investigate', sender });

      expect(keyPaths(simulated).filter((path) => !known.has(path)), action).toEqual([]);
      expect(issueLabelPayloadSchema.safeParse(simulated).success, action).toBe(true);
    }
    for (const action of ['closed', 'reopened'] as const) {
      const simulated = issueStateWebhook({ ...issue, action, sender });

      expect(keyPaths(simulated).filter((path) => !known.has(path)), action).toEqual([]);
      expect(issueStatePayloadSchema.safeParse(simulated).success, action).toBe(true);
      expect((simulated['issue'] as Record<string, unknown>)['state'], action).toBe(action === 'closed' ? 'closed' : 'open');
    }
  });

  it('give a label event only fields that GitHub sends, in the shape ingest reads', () => {
    for (const action of ['created', 'edited', 'deleted'] as const) {
      const simulated = labelWebhook({ action, repository: 'example-org/product-confidential', name: 'customer-blue-heron', color: '5319e7', description: 'Globex', ...(action === 'edited' ? { previousName: 'customer-heron' } : {}), sender: { login: 'octocat', type: 'User' } });
      const known = new Set([...exampleKeyPaths('label'), 'changes.name', 'changes.name.from']);

      const invented = keyPaths(simulated).filter((path) => !known.has(path));

      expect(invented, action).toEqual([]);
      expect(labelPayloadSchema.safeParse(simulated).success, action).toBe(true);
    }
  });
});
