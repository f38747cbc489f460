import { WaiaasError } from '@waiaas/protocol';
import type { MiddlewareHandler } from 'hono';
import type { AuditLog } from '../../audit/audit-log.js';
import type { AuthenticatedSession } from '../../session/authenticate-session.js';
import { bearerToken } from './bearer-token.js';
import { errorResponse } from './error-handler.js';

export type SessionEnv = { Variables: { session: AuthenticatedSession } };

/**
 * Guards every agent route. It is mounted on "*" and exempts exactly GET /health, so a route
 * added later — or a path that matches no route — is refused without a token, never exposed.
 */
export function sessionAuth(deps: {
  authenticate: (token: string) => Promise<AuthenticatedSession>;
  audit: AuditLog;
}): MiddlewareHandler<SessionEnv> {
  return async function sessionAuth(c, next) {
    if (c.req.method === 'GET' && c.req.path === '/health') return next();
    const token = bearerToken(c);
    if (!token) return errorResponse(c, new WaiaasError('AUTH__MISSING_TOKEN'));
    let session: AuthenticatedSession;
    try {
      session = await deps.authenticate(token);
    } catch (error) {
      // A refused token that names a real session (expired, revoked, renewed away) may be a stolen
      // one: record it. Garbage tokens are not recorded, so they cannot flood the log.
      if (error instanceof WaiaasError && 'sessionId' in error.context) {
        deps.audit.record({
          actor: `session:${String(error.context.sessionId)}`,
          action: 'session.refused',
          sessionId: String(error.context.sessionId),
          details: { code: error.code, method: c.req.method, path: c.req.path },
        });
      }
      throw error;
    }
    c.set('session', session);
    deps.audit.record({
      actor: `session:${session.row.id}`,
      action: 'session.use',
      walletId: session.row.wallet_id,
      sessionId: session.row.id,
      details: { method: c.req.method, path: c.req.path },
    });
    await next();
  };
}
