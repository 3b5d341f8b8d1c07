import * as z from 'zod/mini';
import { InvalidEventError } from '../../shared/events/validate-event';
import { badRequest } from './http-error';
import type { IngestRequest } from './http';

/** The body as JSON, or 400. */
export function parseJsonBody(request: IngestRequest): unknown {
  try {
    return JSON.parse(request.body.toString('utf8'));
  } catch {
    throw badRequest('body is not valid JSON');
  }
}

/** The body as form fields (application/x-www-form-urlencoded). */
export function parseFormBody(request: IngestRequest): URLSearchParams {
  return new URLSearchParams(request.body.toString('utf8'));
}

/**
 * Validates a payload, or answers 400 naming each invalid field.
 *
 * @example
 * const envelope = parsePayload(slackEventsEnvelopeSchema, json, 'Slack event');
 */
export function parsePayload<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = z.safeParse(schema, value);
  if (parsed.success) return parsed.data;
  throw badRequest(
    `invalid ${what}`,
    parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
}

/**
 * Builds the event of a validated payload, or answers 400 when a value passes the payload's schema but
 * not the event's (a Slack ts that is not one, an id with free text in it).
 *
 * @example
 * const event = normaliseOr400('invalid Slack message event', () => normaliseSlackMessage(envelope, message, now));
 */
export function normaliseOr400<T>(what: string, normalise: () => T): T {
  try {
    return normalise();
  } catch (error) {
    if (error instanceof InvalidEventError) throw badRequest(what, error.issues);
    throw error;
  }
}
