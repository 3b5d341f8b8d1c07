import * as z from 'zod/mini';
import { envelopeSchema, text } from './envelope';

/**
 * GitHub's webhooks reduced to what the label automations read: the repository, the issue's number,
 * state and label names, and who acted. Never a comment's body or an issue's title: those are free text
 * that may name a customer.
 */

/** GitHub logins and repository names: letters, digits, `-`, `_`, `.`, and an app's `[bot]` suffix. */
const githubName = z.string().check(z.maxLength(100), z.regex(/^[\w.-]+(\[bot\])?$/, 'must be a GitHub login or repository name'));

export const repositorySchema = z.object({ owner: githubName, name: githubName });
export type RepositoryRef = z.infer<typeof repositorySchema>;

/** A label as GitHub describes it: names up to 50 characters, a 6-digit hex colour, descriptions up to 100. */
export const labelSchema = z.object({
  name: text(100, 1),
  color: z.string().check(z.regex(/^[0-9a-fA-F]{6}$/, 'must be a 6-digit hex colour')),
  description: z.optional(z.nullable(text(200))),
});

const userSchema = z.object({
  login: githubName,
  /** `User`, `Bot` or `Organization`. */
  type: text(32),
});

const issueEventSchema = z.extend(envelopeSchema, {
  provider: z.literal('github'),
  repository: repositorySchema,
  number: z.int().check(z.positive()),
  isPullRequest: z.boolean(),
  /** The state after the change the event reports. */
  state: z.enum(['open', 'closed']),
  /** The names of the labels on the issue after the change. */
  labels: z.array(text(100, 1)).check(z.maxLength(100)),
  /** The issue's page (github.com, or the Enterprise Server's host). */
  url: z.url().check(z.maxLength(500)),
});

/** Someone commented on an issue or pull request (`issue_comment` created). The comment's text is not kept. */
export const githubIssueCommentedSchema = z.extend(issueEventSchema, {
  commentId: z.int().check(z.positive()),
  commenter: z.extend(userSchema, {
    /** GitHub's `author_association` of the comment: OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE, … */
    authorAssociation: text(32, 1),
  }),
});

/** A label was added to (`issues` labeled) an issue or pull request. */
export const githubIssueLabeledSchema = z.extend(issueEventSchema, { label: labelSchema, sender: userSchema });

/** A label was removed from (`issues` unlabeled) an issue or pull request. */
export const githubIssueUnlabeledSchema = githubIssueLabeledSchema;

/** An issue or pull request was closed or reopened (`issues` closed / reopened). */
export const githubIssueStateChangedSchema = z.extend(issueEventSchema, { action: z.enum(['closed', 'reopened']), sender: userSchema });

/**
 * A repository label was created, edited or deleted (`label`). `changed` names the fields an edit
 * changed (without their old values, except the old name, which a rename needs).
 */
export const githubLabelChangedSchema = z.extend(envelopeSchema, {
  provider: z.literal('github'),
  repository: repositorySchema,
  action: z.enum(['created', 'edited', 'deleted']),
  label: labelSchema,
  previousName: z.optional(text(100, 1)),
  changed: z.array(z.enum(['name', 'color', 'description'])).check(z.maxLength(3)),
  sender: userSchema,
});

/**
 * A codename label of the confidential repository is to exist in the public one, with this name and
 * colour (and a neutral description: this event never carries the customer's name). `previousName` when
 * it was renamed.
 */
export const githubCodenameMirrorRequestedSchema = z.extend(envelopeSchema, {
  provider: z.literal('switchboard'),
  label: z.object({ name: text(100, 1), color: labelSchema.shape.color }),
  previousName: z.optional(text(100, 1)),
});
