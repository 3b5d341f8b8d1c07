import * as z from 'zod/mini';
import '../../../shared/events/zod-messages';

/**
 * The parts of GitHub's webhook payloads that ingest reads (`issue_comment`, `issues`, `label`). Objects
 * are loose: GitHub adds fields freely, and unknown ones must not break us. Bodies and titles are not
 * read at all.
 */

const present = z.string().check(z.minLength(1));

const userSchema = z.looseObject({ login: present, type: present });

const repositorySchema = z.looseObject({
  name: present,
  owner: z.looseObject({ login: present }),
});

const labelSchema = z.looseObject({
  name: present,
  color: z.string(),
  description: z.optional(z.nullable(z.string())),
});

const issueSchema = z.looseObject({
  number: z.int(),
  state: z.enum(['open', 'closed']),
  html_url: present,
  labels: z.optional(z.array(z.looseObject({ name: present }))),
  /** Present (an object) when the issue is a pull request. */
  pull_request: z.optional(z.unknown()),
});

/** Every delivery names its action; `ping` has none. */
export const actionSchema = z.looseObject({ action: z.optional(z.string()) });

export const issueCommentPayloadSchema = z.looseObject({
  action: z.literal('created'),
  issue: issueSchema,
  comment: z.looseObject({ id: z.int(), user: userSchema, author_association: present }),
  repository: repositorySchema,
});
export type IssueCommentPayload = z.infer<typeof issueCommentPayloadSchema>;

export const issueLabelPayloadSchema = z.looseObject({
  action: z.enum(['labeled', 'unlabeled']),
  issue: issueSchema,
  label: labelSchema,
  repository: repositorySchema,
  sender: userSchema,
});
export type IssueLabelPayload = z.infer<typeof issueLabelPayloadSchema>;

export const issueStatePayloadSchema = z.looseObject({
  action: z.enum(['closed', 'reopened']),
  issue: issueSchema,
  repository: repositorySchema,
  sender: userSchema,
});
export type IssueStatePayload = z.infer<typeof issueStatePayloadSchema>;

const changeSchema = z.optional(z.looseObject({ from: z.optional(z.nullable(z.string())) }));

export const labelPayloadSchema = z.looseObject({
  action: z.enum(['created', 'edited', 'deleted']),
  label: labelSchema,
  changes: z.optional(z.looseObject({ name: changeSchema, color: changeSchema, description: changeSchema })),
  repository: repositorySchema,
  sender: userSchema,
});
export type LabelPayload = z.infer<typeof labelPayloadSchema>;
