import { adminRoutes, WaiaasError } from '@waiaas/protocol';
import type { MiddlewareHandler } from 'hono';
import type { MasterAuth } from '../../admin/master-auth.js';
import { bearerToken } from './bearer-token.js';
import { errorResponse } from './error-handler.js';

/** Every admin route but the login needs an admin token; like sessionAuth it is mounted on "*". */
export function adminAuth(auth: MasterAuth): MiddlewareHandler {
  return async function adminAuth(c, next) {
    if (c.req.method === adminRoutes.auth.method && c.req.path === adminRoutes.auth.path) return next();
    const token = bearerToken(c);
    if (!token) return errorResponse(c, new WaiaasError('ADMIN__AUTH_REQUIRED'));
    await auth.verify(token);
    await next();
  };
}
