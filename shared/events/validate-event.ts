import type * as z from 'zod/mini';
import { eventCatalogue, isDetailType, type DetailOf, type DetailType, type DomainEvent } from './catalogue';

/** An event whose detail-type is unknown or whose detail does not match its schema. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
  constructor(
    message: string,
    readonly detailType: string,
    readonly issues: readonly { path: string; message: string }[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * Validates an event against the catalogue and returns it typed. Used on publish and on receipt.
 *
 * @example
 * const event = validateEvent('slack.message.posted', JSON.parse(entry.Detail));
 */
export function validateEvent(detailType: string, detail: unknown): DomainEvent {
  if (!isDetailType(detailType)) {
    throw new InvalidEventError(`unknown detail-type "${detailType}"`, detailType);
  }
  const parsed = eventCatalogue[detailType].safeParse(detail);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw new InvalidEventError(
      `invalid ${detailType} detail: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`,
      detailType,
      issues,
      { cause: parsed.error },
    );
  }
  return { detailType, detail: parsed.data } as DomainEvent;
}

/** Builds a typed event, validating it; the way producers create events. */
export function createEvent<T extends DetailType>(detailType: T, detail: z.input<(typeof eventCatalogue)[T]>): Extract<DomainEvent, { detailType: T }> {
  return validateEvent(detailType, detail) as Extract<DomainEvent, { detailType: T }>;
}

export type { DetailOf };
