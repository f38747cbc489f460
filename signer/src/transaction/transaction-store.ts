import type { agent } from '@waiaas/protocol';
import type { Db } from '../db/open-database.js';
import { createReservationStore } from '../policy/reservation-store.js';

const SETTLES: Partial<Record<agent.TransactionStatus, 'COMMITTED' | 'RELEASED'>> = {
  CONFIRMED: 'COMMITTED',
  FAILED: 'RELEASED',
  CANCELLED: 'RELEASED',
  EXPIRED: 'RELEASED',
  REJECTED: 'RELEASED',
};

const CLOSES_APPROVAL: Partial<Record<agent.TransactionStatus, 'CANCELLED' | 'EXPIRED'>> = {
  CANCELLED: 'CANCELLED',
  FAILED: 'CANCELLED',
  EXPIRED: 'EXPIRED',
};

export interface TransactionRow {
  id: string;
  wallet_id: string;
  session_id: string | null;
  network: string;
  type: agent.Transaction['type'];
  status: agent.TransactionStatus;
  tier: agent.Tier;
  request: string;
  intent: string;
  justification: string | null;
  idempotency_key: string | null;
  content_digest: string | null;
  signed: string | null;
  hash: string | null;
  nonce: number | null;
  attempts: number;
  next_attempt_at: number;
  error_code: string | null;
  error_message: string | null;
  policy_reason: string | null;
  execute_at: number | null;
  created_at: number;
  updated_at: number;
}

export function toTransaction(row: TransactionRow): agent.Transaction {
  return {
    id: row.id,
    walletId: row.wallet_id,
    network: row.network,
    type: row.type,
    status: row.status,
    tier: row.tier,
    hash: row.hash,
    request: JSON.parse(row.request) as Record<string, unknown>,
    justification: row.justification,
    policyReason: row.policy_reason,
    executeAt: row.execute_at === null ? null : new Date(row.execute_at).toISOString(),
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Columns a pipeline stage may write, each stage's result in one UPDATE. */
export type StageUpdate = Partial<
  Pick<TransactionRow, 'status' | 'signed' | 'hash' | 'nonce' | 'attempts' | 'next_attempt_at' | 'error_code' | 'error_message' | 'content_digest'>
>;

export interface TransactionStore {
  insert(row: Omit<TransactionRow, 'attempts' | 'next_attempt_at' | 'error_code' | 'error_message' | 'signed' | 'hash' | 'nonce'>): void;
  get(id: string): TransactionRow | undefined;
  findByIdempotencyKey(sessionId: string, key: string): TransactionRow | undefined;
  /**
   * Moves a row from one status to the next; false if it was no longer in `from` (e.g. cancelled
   * meanwhile). Reaching a final status settles the transaction's budget reservations in the same
   * database transaction, so a budget can never be left held by a finished transaction.
   */
  advance(id: string, from: agent.TransactionStatus, update: StageUpdate, now: number): boolean;
  unfinished(now: number): TransactionRow[];
  page(walletId: string, opts: { status?: agent.TransactionStatus; before?: { createdAt: number; id: string }; limit: number }): TransactionRow[];
  /** Requests of a wallet since a moment (ms epoch), cancelled ones excluded: rate limits. */
  countSince(walletId: string, since: number): number;
  /** Highest nonce of an address's signed-but-unconfirmed EVM transactions on a network. */
  highestPendingNonce(address: string, network: string): number | null;
}

export function createTransactionStore(db: Db): TransactionStore {
  const byId = db.prepare<[string], TransactionRow>('SELECT * FROM transactions WHERE id = ?');
  const reservations = createReservationStore(db);
  return {
    insert(row) {
      db.prepare(
        `INSERT INTO transactions (id, wallet_id, session_id, network, type, status, tier, request, intent,
           justification, idempotency_key, content_digest, policy_reason, execute_at, created_at, updated_at)
         VALUES (@id, @wallet_id, @session_id, @network, @type, @status, @tier, @request, @intent,
           @justification, @idempotency_key, @content_digest, @policy_reason, @execute_at, @created_at, @updated_at)`,
      ).run(row);
    },
    get: (id) => byId.get(id),
    findByIdempotencyKey: (sessionId, key) =>
      db
        .prepare<[string, string], TransactionRow>('SELECT * FROM transactions WHERE session_id = ? AND idempotency_key = ?')
        .get(sessionId, key),
    advance: (id, from, update, now) =>
      db.transaction(() => {
        const columns = Object.keys(update);
        const sets = [...columns.map((c) => `${c} = @${c}`), 'updated_at = @now'].join(', ');
        const result = db
          .prepare(`UPDATE transactions SET ${sets} WHERE id = @id AND status = @from`)
          .run({ ...update, id, from, now });
        const outcome = update.status && SETTLES[update.status];
        if (result.changes === 1 && outcome) reservations.settle(id, outcome, now);
        // A transaction that ends while its approval is open (agent cancel, kill switch, AutoStop,
        // expiry) closes the approval too, so a late answer from the Owner finds it decided.
        if (result.changes === 1 && update.status && CLOSES_APPROVAL[update.status]) {
          db.prepare(`UPDATE approvals SET status = ?, decided_at = ?, decided_by = 'system' WHERE transaction_id = ? AND status = 'PENDING'`)
            .run(CLOSES_APPROVAL[update.status], now, id);
        }
        return result.changes === 1;
      }).immediate(),
    unfinished: (now) =>
      db
        .prepare<{ now: number }, TransactionRow>(
          `SELECT * FROM transactions WHERE status IN ('QUEUED', 'PENDING', 'SIGNED', 'SUBMITTED') AND next_attempt_at <= @now
             AND (status != 'QUEUED' OR execute_at <= @now)
           ORDER BY created_at, id`,
        )
        .all({ now }),
    page(walletId, { status, before, limit }) {
      const where = ['wallet_id = @walletId'];
      if (status) where.push('status = @status');
      if (before) where.push('(created_at < @createdAt OR (created_at = @createdAt AND id < @beforeId))');
      return db
        .prepare<Record<string, unknown>, TransactionRow>(
          `SELECT * FROM transactions WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT @limit`,
        )
        .all({ walletId, status, createdAt: before?.createdAt, beforeId: before?.id, limit });
    },
    countSince: (walletId, since) =>
      db
        .prepare(`SELECT count(*) FROM transactions WHERE wallet_id = ? AND created_at >= ? AND status != 'CANCELLED'`)
        .pluck()
        .get(walletId, since) as number,
    highestPendingNonce(address, network) {
      const value = db
        .prepare(
          `SELECT max(t.nonce) FROM transactions t JOIN wallets w ON w.id = t.wallet_id
           WHERE w.address = ? AND t.network = ? AND t.status IN ('SIGNED', 'SUBMITTED')`,
        )
        .pluck()
        .get(address, network);
      return typeof value === 'number' ? value : null;
    },
  };
}
