import type { Endpoint } from './endpoint';
import { jsonResponse } from './http';

/** GET /health — liveness, and the server's clock (which `switchboard simulate` signs with). */
export const healthEndpoint: Endpoint = {
  method: 'GET',
  async handle(_request, context) {
    return jsonResponse(200, {
      ok: true,
      service: 'switchboard',
      runtime: context.runtime,
      version: context.version,
      time: context.clock.now().toISOString(),
    });
  },
};
