/** A conditional write lost: the item was not in the state the write required. Callers branch on this type. */
export class ConditionFailedError extends Error {
  override readonly name = 'ConditionFailedError';
}
