import type { DomainEvent } from '../../../shared/events/catalogue';
import { createEvent } from '../../../shared/events/validate-event';
import type { IssueCommentPayload, IssueLabelPayload, IssueStatePayload, LabelPayload } from './github-payloads';

type Issue = IssueCommentPayload['issue'];

/** The envelope and issue fields every issue event carries, from one delivery. */
function issueFields(deliveryId: string, receivedAt: Date, repository: IssueCommentPayload['repository'], issue: Issue) {
  return {
    eventId: deliveryId,
    receivedAt: receivedAt.toISOString(),
    provider: 'github' as const,
    repository: { owner: repository.owner.login, name: repository.name },
    number: issue.number,
    isPullRequest: issue.pull_request !== undefined && issue.pull_request !== null,
    state: issue.state,
    labels: (issue.labels ?? []).map((label) => label.name),
    url: issue.html_url,
  };
}

/** `issue_comment` created as `github.issue.commented`: who commented, with what association; never what they wrote. */
export function normaliseIssueComment(deliveryId: string, payload: IssueCommentPayload, receivedAt: Date): DomainEvent {
  return createEvent('github.issue.commented', {
    ...issueFields(deliveryId, receivedAt, payload.repository, payload.issue),
    commentId: payload.comment.id,
    commenter: { login: payload.comment.user.login, type: payload.comment.user.type, authorAssociation: payload.comment.author_association },
  });
}

/** `issues` labeled / unlabeled as `github.issue.labeled` / `github.issue.unlabeled`. */
export function normaliseIssueLabel(deliveryId: string, payload: IssueLabelPayload, receivedAt: Date): DomainEvent {
  const detail = {
    ...issueFields(deliveryId, receivedAt, payload.repository, payload.issue),
    label: { name: payload.label.name, color: payload.label.color, description: payload.label.description ?? null },
    sender: { login: payload.sender.login, type: payload.sender.type },
  };
  return payload.action === 'labeled' ? createEvent('github.issue.labeled', detail) : createEvent('github.issue.unlabeled', detail);
}

/** `issues` closed / reopened as `github.issue.state.changed`. */
export function normaliseIssueState(deliveryId: string, payload: IssueStatePayload, receivedAt: Date): DomainEvent {
  return createEvent('github.issue.state.changed', {
    ...issueFields(deliveryId, receivedAt, payload.repository, payload.issue),
    action: payload.action,
    sender: { login: payload.sender.login, type: payload.sender.type },
  });
}

/** `label` created / edited / deleted as `github.label.changed`, with the fields an edit changed. */
export function normaliseLabel(deliveryId: string, payload: LabelPayload, receivedAt: Date): DomainEvent {
  const changes = payload.changes ?? {};
  const changed = (['name', 'color', 'description'] as const).filter((field) => changes[field] !== undefined);
  const previousName = changes.name?.from ?? undefined;
  return createEvent('github.label.changed', {
    eventId: deliveryId,
    receivedAt: receivedAt.toISOString(),
    provider: 'github',
    repository: { owner: payload.repository.owner.login, name: payload.repository.name },
    action: payload.action,
    label: { name: payload.label.name, color: payload.label.color, description: payload.label.description ?? null },
    ...(previousName === undefined || previousName === '' ? {} : { previousName }),
    changed,
    sender: { login: payload.sender.login, type: payload.sender.type },
  });
}
