import * as z from 'zod/mini';
import { envelopeSchema, text } from './envelope';

const repositorySchema = z.object({ owner: text(100, 1), name: text(100, 1) });
const actorSchema = z.object({
  login: text(100, 1),
  type: text(32),
  /** GitHub's `author_association` (OWNER, MEMBER, CONTRIBUTOR, NONE, …). */
  association: z.optional(text(32)),
});
const labelSchema = z.object({
  name: text(100, 1),
  color: text(16),
  description: z.optional(z.nullable(text(200))),
});

const issueEventSchema = z.extend(envelopeSchema, {
  provider: z.literal('github'),
  repository: repositorySchema,
  issueNumber: z.int().check(z.positive()),
  isPullRequest: z.boolean(),
  state: z.enum(['open', 'closed']),
  labels: z.array(text(100)).check(z.maxLength(100)),
});

/** Someone commented on an issue or pull request. */
export const githubIssueCommentedSchema = z.extend(issueEventSchema, { commentId: z.int(), author: actorSchema });
/** A label was added to an issue or pull request. */
export const githubIssueLabeledSchema = z.extend(issueEventSchema, { label: labelSchema, actor: actorSchema });
/** A label was removed from an issue or pull request. */
export const githubIssueUnlabeledSchema = githubIssueLabeledSchema;
/** A repository label was created, edited (renamed) or deleted. */
export const githubLabelChangedSchema = z.extend(envelopeSchema, {
  provider: z.literal('github'),
  repository: repositorySchema,
  action: z.enum(['created', 'edited', 'deleted']),
  label: labelSchema,
  previousName: z.optional(text(100)),
});
