import { createHash } from 'node:crypto';

/**
 * The reference a created conversation carries in its title (`SB-` and 10 hex digits of the effect key's
 * SHA-256), by which Switchboard finds it again instead of creating a second one after a crash. Short enough
 * to read in a title, long enough never to collide among a team's conversations.
 *
 * @example
 * conversationReference('job-applications.conversation:form-5f0c…') // 'SB-4F1A9C0B7E'
 */
export function conversationReference(effectKey: string): string {
  return `SB-${createHash('sha256').update(effectKey, 'utf8').digest('hex').slice(0, 10).toUpperCase()}`;
}

/** The key of the effect that creates the conversation of a submission. */
export function conversationEffectKey(submissionId: string): string {
  return `job-applications.conversation:${submissionId}`;
}
