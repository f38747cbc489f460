import { type admin, WaiaasError } from '@waiaas/protocol';
import type { AuditLog } from '../audit/audit-log.js';
import { type SessionSpentOf, type SessionStore, toSession } from './session-store.js';

/** Revokes a session; its token is refused from the next request on. Revoking twice is harmless. */
export function revokeSession(
  deps: { sessions: SessionStore; audit: AuditLog; now: () => number; spentOf: SessionSpentOf },
  sessionId: string,
): admin.Session {
  const now = deps.now();
  if (!deps.sessions.get(sessionId)) throw new WaiaasError('SESSION__NOT_FOUND', { sessionId });
  const revoked = deps.sessions.revoke(sessionId, now);
  const row = deps.sessions.get(sessionId);
  if (!row) throw new WaiaasError('SESSION__NOT_FOUND', { sessionId });
  if (revoked) deps.audit.record({ actor: 'master', action: 'session.revoke', walletId: row.wallet_id, sessionId });
  return toSession(row, now, deps.spentOf(sessionId));
}
