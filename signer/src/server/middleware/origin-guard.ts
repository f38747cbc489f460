import { WaiaasError } from '@waiaas/protocol';
import type { MiddlewareHandler } from 'hono';
import { errorResponse } from './error-handler.js';

/**
 * Agents are programs, not web pages, and do not send Origin. A request that carries one comes
 * from a browser, which a hostile page could drive, so the agent and admin APIs refuse it.
 */
export function originGuard(): MiddlewareHandler {
  return async function originGuard(c, next) {
    const origin = c.req.header('origin');
    if (origin !== undefined) return errorResponse(c, new WaiaasError('REQUEST__ORIGIN_NOT_ALLOWED', { origin }));
    await next();
  };
}
