import type { IngestRequest, IngestResponse } from './http';
import type { IngestContext } from './ingest-context';

/** One path of the HTTP contract (SPEC §2). */
export interface Endpoint {
  method: 'GET' | 'POST';
  /** Accepted media types of the body; a request with another is answered 415. */
  contentTypes?: readonly string[];
  handle(request: IngestRequest, context: IngestContext): Promise<IngestResponse>;
}
