/** A conditional write lost: the item was not in the state the write required. Callers branch on this type. */
export class ConditionFailedError extends Error {
  override readonly name = 'ConditionFailedError';
}

/** An item over the size a DynamoDB item may have (400 KB): a caller stores too much in one item. */
export class ItemTooLargeError extends Error {
  override readonly name = 'ItemTooLargeError';
}
