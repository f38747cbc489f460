import type { Db } from '../db/open-database.js';

export type ReservationStatus = 'RESERVED' | 'COMMITTED' | 'RELEASED';

export interface ReservationStore {
  reserve(row: { transactionId: string; walletId: string; sessionId: string; asset: string; amount: bigint; at: number }): void;
  /** Reserved plus committed for a session and asset: what it has spent or may be about to spend. */
  sessionUsage(sessionId: string, asset: string): bigint;
  /** Committed plus reserved for a wallet and asset since a moment (ms epoch): rolling windows. */
  walletUsageSince(walletId: string, asset: string, since: number): bigint;
  /** Settles a transaction's reservations once it is final: committed if it landed, else released. */
  settle(transactionId: string, outcome: 'COMMITTED' | 'RELEASED', at: number): void;
  /** Start-up: settles reservations whose transaction reached a final state without them. */
  reconcile(at: number): number;
}

export function createReservationStore(db: Db): ReservationStore {
  return {
    reserve(r) {
      db.prepare(
        `INSERT INTO reservations (transaction_id, wallet_id, session_id, asset, amount, status, created_at)
         VALUES (?, ?, ?, ?, ?, 'RESERVED', ?)`,
      ).run(r.transactionId, r.walletId, r.sessionId, r.asset, r.amount.toString(), r.at);
    },
    sessionUsage(sessionId, asset) {
      // Summed as bigints in JS: SQLite's sum() is 64-bit and wei overflow it.
      const amounts = db
        .prepare(`SELECT amount FROM reservations WHERE session_id = ? AND asset = ? AND status != 'RELEASED'`)
        .pluck()
        .all(sessionId, asset) as string[];
      return amounts.reduce((total, a) => total + BigInt(a), 0n);
    },
    walletUsageSince(walletId, asset, since) {
      const amounts = db
        .prepare(
          `SELECT amount FROM reservations WHERE wallet_id = ? AND asset = ? AND status != 'RELEASED' AND created_at >= ?`,
        )
        .pluck()
        .all(walletId, asset, since) as string[];
      return amounts.reduce((total, a) => total + BigInt(a), 0n);
    },
    settle(transactionId, outcome, at) {
      db.prepare(`UPDATE reservations SET status = ?, settled_at = ? WHERE transaction_id = ? AND status = 'RESERVED'`).run(
        outcome,
        at,
        transactionId,
      );
    },
    reconcile(at) {
      const committed = db
        .prepare(
          `UPDATE reservations SET status = 'COMMITTED', settled_at = ? WHERE status = 'RESERVED'
           AND transaction_id IN (SELECT id FROM transactions WHERE status = 'CONFIRMED')`,
        )
        .run(at).changes;
      const released = db
        .prepare(
          `UPDATE reservations SET status = 'RELEASED', settled_at = ? WHERE status = 'RESERVED'
           AND transaction_id IN (SELECT id FROM transactions WHERE status IN ('FAILED', 'CANCELLED', 'EXPIRED', 'REJECTED'))`,
        )
        .run(at).changes;
      return committed + released;
    },
  };
}
