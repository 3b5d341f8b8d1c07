import * as z from 'zod/mini';
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
