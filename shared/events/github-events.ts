import * as z from 'zod';
import { envelopeSchema } from './envelope';

const repositorySchema = z.object({ owner: z.string().min(1).max(100), name: z.string().min(1).max(100) });
const actorSchema = z.object({
  login: z.string().min(1).max(100),
  type: z.string().max(32),
  /** GitHub's `author_association` (OWNER, MEMBER, CONTRIBUTOR, NONE, …). */
  association: z.string().max(32).optional(),
});
const labelSchema = z.object({
  name: z.string().min(1).max(100),
  color: z.string().max(16),
  description: z.string().max(200).nullable().optional(),
});

const issueEventSchema = envelopeSchema.extend({
  provider: z.literal('github'),
  repository: repositorySchema,
  issueNumber: z.number().int().positive(),
  isPullRequest: z.boolean(),
  state: z.enum(['open', 'closed']),
  labels: z.array(z.string().max(100)).max(100),
});

/** Someone commented on an issue or pull request. */
export const githubIssueCommentedSchema = issueEventSchema.extend({ commentId: z.number().int(), author: actorSchema });
/** A label was added to an issue or pull request. */
export const githubIssueLabeledSchema = issueEventSchema.extend({ label: labelSchema, actor: actorSchema });
/** A label was removed from an issue or pull request. */
export const githubIssueUnlabeledSchema = githubIssueLabeledSchema;
/** A repository label was created, edited (renamed) or deleted. */
export const githubLabelChangedSchema = envelopeSchema.extend({
  provider: z.literal('github'),
  repository: repositorySchema,
  action: z.enum(['created', 'edited', 'deleted']),
  label: labelSchema,
  previousName: z.string().max(100).optional(),
});
