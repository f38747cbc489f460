import type { KeyObject } from 'node:crypto';
import { type admin, WaiaasError } from '@waiaas/protocol';
import { v7 as uuidv7 } from 'uuid';
import type { AuditLog } from '../audit/audit-log.js';
import { formatDuration } from '../config/duration.js';
import type { WalletStore } from '../wallet/wallet-store.js';
import type { SessionPolicy } from './session-policy.js';
import { hashToken, issueSessionToken } from './session-token.js';
import { type SessionStore, toSession } from './session-store.js';

export interface SessionDeps {
  sessions: SessionStore;
  wallets: WalletStore;
  audit: AuditLog;
  policy: SessionPolicy;
  tokenKey: () => KeyObject;
  now: () => number;
}

/** Opens a session on a wallet. The token is returned once; only its hash is stored. */
export async function createSession(
  deps: SessionDeps,
  request: admin.CreateSessionRequest,
): Promise<{ session: admin.Session; token: string }> {
  const wallet = deps.wallets.resolve(request.wallet);
  const ttl = request.ttlSeconds ?? deps.policy.defaultTtlSeconds;
  if (ttl > deps.policy.maxTtlSeconds) {
    throw new WaiaasError('SESSION__INVALID_TTL', {
      input: formatDuration(ttl),
      reason: `the longest allowed is ${formatDuration(deps.policy.maxTtlSeconds)}`,
    });
  }
  if (request.maxPerTx && request.maxTotal && BigInt(request.maxPerTx) > BigInt(request.maxTotal)) {
    throw new WaiaasError('AMOUNT__INVALID', { input: request.maxPerTx, reason: 'max-per-tx exceeds max-total' });
  }
  const now = deps.now();
  const id = uuidv7();
  const expiresAt = now + ttl * 1000;
  const token = await issueSessionToken(deps.tokenKey(), { sessionId: id, walletId: wallet.id }, now, expiresAt);
  deps.sessions.insert({
    id,
    wallet_id: wallet.id,
    token_hash: hashToken(token),
    ttl_seconds: ttl,
    created_at: now,
    issued_at: now,
    expires_at: expiresAt,
    absolute_expires_at: now + Math.max(ttl, deps.policy.absoluteLifetimeSeconds) * 1000,
    max_renewals: deps.policy.maxRenewals,
    max_per_tx: request.maxPerTx ?? null,
    max_total: request.maxTotal ?? null,
  });
  deps.audit.record({
    actor: 'master',
    action: 'session.create',
    walletId: wallet.id,
    sessionId: id,
    details: { ttlSeconds: ttl, maxPerTx: request.maxPerTx ?? null, maxTotal: request.maxTotal ?? null },
  });
  const row = deps.sessions.get(id);
  if (!row) throw new Error('session row vanished right after insert');
  // A session that has just been opened has requested nothing, so it has spent nothing.
  return { session: toSession(row, now, 0n), token };
}
