/**
 * An answer to bad input (SPEC §2): a status and a specific message, with optional details (the invalid
 * fields). Thrown anywhere in ingest, turned into a JSON response at the edge.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
    options?: ErrorOptions & { headers?: Record<string, string> },
  ) {
    super(message, options);
    this.headers = options?.headers ?? {};
  }
  readonly headers: Record<string, string>;
}

export const badRequest = (message: string, details?: unknown) => new HttpError(400, message, details);
export const unauthorized = (message: string) => new HttpError(401, message);
export const notFound = (path: string) => new HttpError(404, `no endpoint at ${path}`);
export const methodNotAllowed = (method: string, allowed: readonly string[]) =>
  new HttpError(405, `${method} is not allowed here; use ${allowed.join(', ')}`, undefined, { headers: { allow: allowed.join(', ') } });
export const payloadTooLarge = (limit: number) => new HttpError(413, `body is larger than ${limit} bytes`);
export const unsupportedMediaType = (received: string | undefined, expected: readonly string[]) =>
  new HttpError(415, `content type ${received ?? '(none)'} is not supported; send ${expected.join(' or ')}`);
export const serviceUnavailable = (message: string) => new HttpError(503, message, undefined, { headers: { 'retry-after': '1' } });
