import { ProviderError } from '../provider-error';

/** A label of that name exists already in the repository (GitHub's 422 `already_exists`). */
export class LabelExistsError extends ProviderError {
  override readonly name = 'LabelExistsError';
  constructor(operation: string, options?: ErrorOptions) {
    super('github', operation, false, 'a label of that name already exists (422 already_exists)', { ...options, status: 422, code: 'already_exists' });
  }
}
