import type { MiddlewareHandler } from 'hono';
import type { AuditLog } from '../../audit/audit-log.js';

/**
 * Records every authenticated admin request with its outcome, reads included, in the manner of
 * Clef's audit log wrapping its API. Actions that change state also record their own entry.
 */
export function adminAudit(audit: AuditLog): MiddlewareHandler {
  return async function adminAudit(c, next) {
    await next();
    audit.record({ actor: 'master', action: 'admin.request', details: { method: c.req.method, path: c.req.path, status: c.res.status } });
  };
}
