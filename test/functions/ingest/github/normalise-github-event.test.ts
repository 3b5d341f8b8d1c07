import { describe, expect, it } from 'vitest';
import {
  issueCommentPayloadSchema,
  issueLabelPayloadSchema,
  issueStatePayloadSchema,
  labelPayloadSchema,
} from '../../../../functions/ingest/github/github-payloads';
import { normaliseIssueComment, normaliseIssueLabel, normaliseIssueState, normaliseLabel } from '../../../../functions/ingest/github/normalise-github-event';
import { githubExample } from '../../../support/github-webhooks';

const DELIVERY = '72d3162e-cc78-11e3-81ab-4c9367dc0958';
const NOW = new Date('2026-11-25T18:00:00.000Z');

describe("normalising GitHub's example payloads", () => {
  it('reduces issue_comment created to the repository, the issue, and who commented — never the comment', () => {
    const payload = githubExample('issue_comment', 'created');

    const event = normaliseIssueComment(DELIVERY, issueCommentPayloadSchema.parse(payload), NOW);

    expect(event).toEqual({
      detailType: 'github.issue.commented',
      detail: {
        eventId: DELIVERY,
        receivedAt: NOW.toISOString(),
        provider: 'github',
        repository: { owner: 'Codertocat', name: 'Hello-World' },
        number: 1,
        isPullRequest: false,
        state: 'open',
        labels: ['bug'],
        url: 'https://github.com/Codertocat/Hello-World/issues/1',
        commentId: payload['comment']['id'],
        commenter: { login: 'Codertocat', type: 'User', authorAssociation: 'OWNER' },
      },
    });
    expect(JSON.stringify(event)).not.toContain(payload['comment']['body']);
    expect(JSON.stringify(event)).not.toContain(payload['issue']['title']);
  });

  it('marks a comment on a pull request', () => {
    const payload = githubExample('issue_comment', 'created');
    payload['issue']['pull_request'] = { url: 'https://api.github.com/repos/Codertocat/Hello-World/pulls/1' };

    const event = normaliseIssueComment(DELIVERY, issueCommentPayloadSchema.parse(payload), NOW);

    expect(event.detail).toMatchObject({ isPullRequest: true });
  });

  it('keeps the label and the sender of issues labeled and unlabeled', () => {
    for (const action of ['labeled', 'unlabeled'] as const) {
      const event = normaliseIssueLabel(DELIVERY, issueLabelPayloadSchema.parse(githubExample('issues', action)), NOW);

      expect(event.detailType).toBe(action === 'labeled' ? 'github.issue.labeled' : 'github.issue.unlabeled');
      expect(event.detail).toMatchObject({
        number: 1,
        labels: ['bug'],
        label: { name: 'bug', color: 'd73a4a', description: "Something isn't working" },
        sender: { login: 'Codertocat', type: 'User' },
      });
    }
  });

  it('turns issues reopened into a state change', () => {
    const event = normaliseIssueState(DELIVERY, issueStatePayloadSchema.parse(githubExample('issues', 'reopened')), NOW);

    expect(event).toMatchObject({ detailType: 'github.issue.state.changed', detail: { action: 'reopened', state: 'open' } });
  });

  it('keeps a created label with its description, and a deleted one without', () => {
    const created = normaliseLabel(DELIVERY, labelPayloadSchema.parse(githubExample('label', 'created')), NOW);
    const deleted = normaliseLabel(DELIVERY, labelPayloadSchema.parse(githubExample('label', 'deleted')), NOW);

    expect(created.detail).toMatchObject({ action: 'created', label: { name: ':bug: Bugfix', color: 'cb1f00', description: 'Fixes a bug' }, changed: [] });
    expect(deleted.detail).toMatchObject({ action: 'deleted', label: { name: ':bug: Bugfix', description: null } });
  });

  it('names the fields an edit changed, and the old name of a rename', () => {
    const recoloured = githubExample('label', 'edited');
    const renamed = githubExample('label', 'edited');
    renamed['changes'] = { name: { from: ':bug: Bug' } };

    expect(normaliseLabel(DELIVERY, labelPayloadSchema.parse(recoloured), NOW).detail).toMatchObject({ changed: ['color'] });
    expect(normaliseLabel(DELIVERY, labelPayloadSchema.parse(renamed), NOW).detail).toMatchObject({ changed: ['name'], previousName: ':bug: Bug' });
  });
});
