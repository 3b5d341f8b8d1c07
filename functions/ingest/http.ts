/** A webhook request as ingest sees it, whichever runtime received it. Header names are lower-case. */
export interface IngestRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The query string exactly as received (without `?`): signatures over the URL need its bytes. */
  rawQuery: string;
  headers: Readonly<Record<string, string | undefined>>;
  /** The raw body: signatures are computed over these exact bytes. */
  body: Buffer;
}

export interface IngestResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Request bodies above this are refused with 413 (SPEC §2). */
export const MAX_BODY_BYTES = 1024 * 1024;

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): IngestResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}

export function emptyResponse(status: number): IngestResponse {
  return { status, headers: {}, body: '' };
}

/** The media type of the request, without parameters: `application/json; charset=utf-8` → `application/json`. */
export function mediaType(request: IngestRequest): string | undefined {
  return request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() || undefined;
}
