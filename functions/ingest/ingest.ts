import { HttpError, methodNotAllowed, notFound, payloadTooLarge, unsupportedMediaType } from './http-error';
import { jsonResponse, MAX_BODY_BYTES, mediaType, type IngestRequest, type IngestResponse } from './http';
import type { IngestContext } from './ingest-context';
import { routes } from './routes';

/**
 * The webhook edge, the same in Lambda and in the local server: route, check size and content type,
 * then let the endpoint verify, normalise, publish and ack. Every refusal is a specific 4xx, and
 * nothing is published for it.
 *
 * @example
 * const ingest = createIngest(context);
 * const response = await ingest({ method: 'POST', path: '/webhooks/slack/events', query, headers, body });
 */
export function createIngest(context: IngestContext): (request: IngestRequest) => Promise<IngestResponse> {
  return async (request) => {
    try {
      const path = request.path.length > 1 ? request.path.replace(/\/+$/, '') : request.path;
      const endpoint = routes[path];
      if (endpoint === undefined) throw notFound(path);
      if (request.method !== endpoint.method) throw methodNotAllowed(request.method, [endpoint.method]);
      if (request.body.length > MAX_BODY_BYTES) throw payloadTooLarge(MAX_BODY_BYTES);
      if (endpoint.contentTypes !== undefined) {
        const type = mediaType(request);
        if (type === undefined || !endpoint.contentTypes.includes(type)) throw unsupportedMediaType(type, endpoint.contentTypes);
      }
      return await endpoint.handle(request, context);
    } catch (error) {
      if (error instanceof HttpError) {
        const log = error.status >= 500 ? context.log.error.bind(context.log) : context.log.info.bind(context.log);
        log('request refused', { status: error.status, method: request.method, path: request.path, reason: error.message });
        return errorResponse(error);
      }
      context.log.error('request failed', { method: request.method, path: request.path, error: error as Error });
      return jsonResponse(500, { error: 'internal error' });
    }
  };
}

/** The JSON answer to a refused request: `{ "error": …, "details": … }` with the error's status. */
export function errorResponse(error: HttpError): IngestResponse {
  return jsonResponse(error.status, { error: error.message, ...(error.details === undefined ? {} : { details: error.details }) }, error.headers);
}
