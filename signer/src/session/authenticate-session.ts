import type { KeyObject } from 'node:crypto';
import { WaiaasError } from '@waiaas/protocol';
import { hashToken, verifySessionToken } from './session-token.js';
import type { SessionRow, SessionStore } from './session-store.js';

export interface AuthenticatedSession {
  row: SessionRow;
  tokenHash: string;
}

/**
 * Checks a bearer token against its signature and then against the database, so a token that was
 * revoked, renewed away or has expired is refused on the very next request.
 */
export async function authenticateSession(
  deps: { sessions: SessionStore; tokenKey: () => KeyObject; now: () => number },
  token: string,
): Promise<AuthenticatedSession> {
  const now = deps.now();
  const claims = await verifySessionToken(deps.tokenKey(), token, now);
  const row = deps.sessions.get(claims.sessionId);
  if (!row || row.wallet_id !== claims.walletId) throw new WaiaasError('AUTH__INVALID_TOKEN');
  const sessionId = row.id;
  if (row.revoked_at !== null) {
    throw new WaiaasError('SESSION__REVOKED', { sessionId, revokedAt: new Date(row.revoked_at).toISOString() });
  }
  if (row.expires_at <= now) {
    throw new WaiaasError('SESSION__EXPIRED', { sessionId, expiredAt: new Date(row.expires_at).toISOString() });
  }
  const tokenHash = hashToken(token);
  if (tokenHash !== row.token_hash) throw new WaiaasError('SESSION__TOKEN_SUPERSEDED', { sessionId });
  return { row, tokenHash };
}
