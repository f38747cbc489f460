import type { KeyObject } from 'node:crypto';
import { type agent, WaiaasError } from '@waiaas/protocol';
import type { AuditLog } from '../audit/audit-log.js';
import type { AuthenticatedSession } from './authenticate-session.js';
import { hashToken, issueSessionToken } from './session-token.js';
import type { SessionStore } from './session-store.js';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Trades the caller's current token for a new one. Guards: half the TTL must have passed, the
 * renewal cap and the absolute lifetime hold, and the swap is a compare-and-swap on the old token's
 * hash, so of two concurrent renewals exactly one wins and the old token dies either way.
 */
export async function renewSession(
  deps: { sessions: SessionStore; audit: AuditLog; tokenKey: () => KeyObject; now: () => number },
  caller: AuthenticatedSession,
  sessionId: string,
): Promise<agent.SessionRenewResponse> {
  const { row } = caller;
  if (row.id !== sessionId) throw new WaiaasError('SESSION__FORBIDDEN', { sessionId });
  const now = deps.now();
  const renewableAt = row.issued_at + (row.ttl_seconds * 1000) / 2;
  if (now < renewableAt) throw new WaiaasError('SESSION__RENEWAL_TOO_EARLY', { sessionId, renewableAt: iso(renewableAt) });
  if (row.renew_count >= row.max_renewals) {
    throw new WaiaasError('SESSION__RENEWAL_LIMIT_REACHED', { sessionId, maxRenewals: row.max_renewals });
  }
  const expiresAt = Math.min(now + row.ttl_seconds * 1000, row.absolute_expires_at);
  if (expiresAt <= row.expires_at) {
    throw new WaiaasError('SESSION__LIFETIME_EXHAUSTED', { sessionId, absoluteExpiresAt: iso(row.absolute_expires_at) });
  }
  const token = await issueSessionToken(deps.tokenKey(), { sessionId, walletId: row.wallet_id }, now, expiresAt);
  if (!deps.sessions.rotate(sessionId, caller.tokenHash, { tokenHash: hashToken(token), issuedAt: now, expiresAt })) {
    throw new WaiaasError('SESSION__RENEWAL_CONFLICT', { sessionId });
  }
  deps.audit.record({
    actor: `session:${sessionId}`,
    action: 'session.renew',
    walletId: row.wallet_id,
    sessionId,
    details: { renewCount: row.renew_count + 1 },
  });
  return {
    sessionId,
    token,
    expiresAt: iso(expiresAt),
    renewCount: row.renew_count + 1,
    absoluteExpiresAt: iso(row.absolute_expires_at),
  };
}
