import type { admin, Chain } from '@waiaas/protocol';
import type { Db } from '../db/open-database.js';

export interface SessionRow {
  id: string;
  wallet_id: string;
  wallet_name: string;
  wallet_chain: Chain;
  token_hash: string;
  ttl_seconds: number;
  created_at: number;
  issued_at: number;
  expires_at: number;
  absolute_expires_at: number;
  renew_count: number;
  max_renewals: number;
  revoked_at: number | null;
  max_per_tx: string | null;
  max_total: string | null;
}

const SELECT = 'SELECT s.*, w.name AS wallet_name, w.chain AS wallet_chain FROM sessions s JOIN wallets w ON w.id = s.wallet_id';
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * What a session has spent or reserved of its wallet's native asset (smallest unit): the same sum
 * its limits are checked against (see `sessionSpent` in policy/session-budget).
 */
export type SessionSpentOf = (sessionId: string) => bigint;

export function toSession(row: SessionRow, now: number, spent: bigint): admin.Session {
  return {
    id: row.id,
    walletId: row.wallet_id,
    walletName: row.wallet_name,
    chain: row.wallet_chain,
    status: row.revoked_at !== null ? 'revoked' : row.expires_at <= now ? 'expired' : 'active',
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    absoluteExpiresAt: iso(row.absolute_expires_at),
    renewCount: row.renew_count,
    maxRenewals: row.max_renewals,
    revokedAt: row.revoked_at === null ? null : iso(row.revoked_at),
    limits: { maxPerTx: row.max_per_tx, maxTotal: row.max_total },
    spent: spent.toString(),
  };
}

export interface SessionStore {
  insert(row: Omit<SessionRow, 'wallet_name' | 'wallet_chain' | 'renew_count' | 'revoked_at'>): void;
  get(id: string): SessionRow | undefined;
  list(filter: { walletId?: string; activeAt?: number }): SessionRow[];
  /** Compare-and-swap on the token hash: only the holder of the current token can renew. */
  rotate(id: string, expectedHash: string, next: { tokenHash: string; issuedAt: number; expiresAt: number }): boolean;
  revoke(id: string, at: number): boolean;
}

export function createSessionStore(db: Db): SessionStore {
  const byId = db.prepare<[string], SessionRow>(`${SELECT} WHERE s.id = ?`);
  return {
    insert(r) {
      db.prepare(
        `INSERT INTO sessions (id, wallet_id, token_hash, ttl_seconds, created_at, issued_at, expires_at,
           absolute_expires_at, max_renewals, max_per_tx, max_total)
         VALUES (@id, @wallet_id, @token_hash, @ttl_seconds, @created_at, @issued_at, @expires_at,
           @absolute_expires_at, @max_renewals, @max_per_tx, @max_total)`,
      ).run(r);
    },
    get: (id) => byId.get(id),
    list({ walletId, activeAt }) {
      const where: string[] = [];
      const args: (string | number)[] = [];
      if (walletId) where.push('s.wallet_id = ?') && args.push(walletId);
      if (activeAt !== undefined) where.push('s.revoked_at IS NULL AND s.expires_at > ?') && args.push(activeAt);
      const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
      return db.prepare<(string | number)[], SessionRow>(`${SELECT}${clause} ORDER BY s.created_at, s.id`).all(...args);
    },
    rotate(id, expectedHash, next) {
      const result = db
        .prepare(
          `UPDATE sessions SET token_hash = ?, issued_at = ?, expires_at = ?, renew_count = renew_count + 1
           WHERE id = ? AND token_hash = ? AND revoked_at IS NULL AND renew_count < max_renewals`,
        )
        .run(next.tokenHash, next.issuedAt, next.expiresAt, id, expectedHash);
      return result.changes === 1;
    },
    revoke(id, at) {
      return db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
    },
  };
}
