/** An operation an admin asked for cannot be done as asked; the message says why and what to do. */
export class OperationError extends Error {
  override readonly name = 'OperationError';
}
