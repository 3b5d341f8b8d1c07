/**
 * The automation could not decide and will not guess: a person must act (the team was told). Ends the run
 * `failed` with a step `needs attention` that says what to do, so that `runs list --status failed` shows
 * it, and a replay tries again once it is fixed. Never transient: retrying would ask the same question.
 */
export class NeedsAttentionError extends Error {
  override readonly name = 'NeedsAttentionError';
}
