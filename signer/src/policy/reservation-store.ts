import type { Db } from '../db/open-database.js';

export type ReservationStatus = 'RESERVED' | 'COMMITTED' | 'RELEASED';

/** Whose USD spending to add up: every wallet's (a global budget), one wallet's or one session's. */
export type UsdUsageScope = { scope: 'global' } | { scope: 'wallet'; walletId: string } | { scope: 'session'; sessionId: string };

export interface ReservationStore {
  /** `usdValue`: the amount's USD value at accept time (USD × 10^18); undefined when no fresh price was known. */
  reserve(row: { transactionId: string; walletId: string; sessionId: string; asset: string; amount: bigint; usdValue?: bigint; at: number }): void;
  /** Reserved plus committed for a session and asset: what it has spent or may be about to spend. */
  sessionUsage(sessionId: string, asset: string): bigint;
  /** Committed plus reserved for a wallet and asset since a moment (ms epoch): rolling windows. */
  walletUsageSince(walletId: string, asset: string, since: number): bigint;
  /** Committed plus reserved for a session and asset since a moment: session rolling windows. */
  sessionUsageSince(sessionId: string, asset: string, since: number): bigint;
  /** Committed plus reserved USD value (USD × 10^18) since a moment; reservations of unknown value add nothing. */
  usdUsageSince(of: UsdUsageScope, since: number): bigint;
  /** The USD value reserved for one transaction, undefined if any of its amounts had no known value. */
  transactionUsd(transactionId: string): bigint | undefined;
  /** Transactions a session requested since a moment, cancelled ones excluded: session rate limits. */
  sessionRequestsSince(sessionId: string, since: number): number;
  /** Settles a transaction's reservations once it is final: committed if it landed, else released. */
  settle(transactionId: string, outcome: 'COMMITTED' | 'RELEASED', at: number): void;
  /** Start-up: settles reservations whose transaction reached a final state without them. */
  reconcile(at: number): number;
}

// Summed as bigints in JS: SQLite's sum() is 64-bit and wei (or USD × 10^18) overflow it.
const total = (amounts: (string | null)[]) => amounts.reduce((sum, a) => (a === null ? sum : sum + BigInt(a)), 0n);

export function createReservationStore(db: Db): ReservationStore {
  const usdOf = {
    global: db.prepare(`SELECT usd_value FROM reservations WHERE status != 'RELEASED' AND created_at >= ?`).pluck(),
    wallet: db.prepare(`SELECT usd_value FROM reservations WHERE wallet_id = ? AND status != 'RELEASED' AND created_at >= ?`).pluck(),
    session: db.prepare(`SELECT usd_value FROM reservations WHERE session_id = ? AND status != 'RELEASED' AND created_at >= ?`).pluck(),
  };
  const usdOfTransaction = db.prepare<[string], { usd_value: string | null }>('SELECT usd_value FROM reservations WHERE transaction_id = ?');
  return {
    transactionUsd(transactionId) {
      const rows = usdOfTransaction.all(transactionId);
      if (rows.length === 0 || rows.some((r) => r.usd_value === null)) return undefined;
      return total(rows.map((r) => r.usd_value));
    },
    reserve(r) {
      db.prepare(
        `INSERT INTO reservations (transaction_id, wallet_id, session_id, asset, amount, usd_value, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'RESERVED', ?)`,
      ).run(r.transactionId, r.walletId, r.sessionId, r.asset, r.amount.toString(), r.usdValue?.toString() ?? null, r.at);
    },
    sessionUsage(sessionId, asset) {
      const amounts = db
        .prepare(`SELECT amount FROM reservations WHERE session_id = ? AND asset = ? AND status != 'RELEASED'`)
        .pluck()
        .all(sessionId, asset) as string[];
      return total(amounts);
    },
    walletUsageSince(walletId, asset, since) {
      const amounts = db
        .prepare(
          `SELECT amount FROM reservations WHERE wallet_id = ? AND asset = ? AND status != 'RELEASED' AND created_at >= ?`,
        )
        .pluck()
        .all(walletId, asset, since) as string[];
      return total(amounts);
    },
    sessionUsageSince(sessionId, asset, since) {
      const amounts = db
        .prepare(
          `SELECT amount FROM reservations WHERE session_id = ? AND asset = ? AND status != 'RELEASED' AND created_at >= ?`,
        )
        .pluck()
        .all(sessionId, asset, since) as string[];
      return total(amounts);
    },
    usdUsageSince(of, since) {
      if (of.scope === 'global') return total(usdOf.global.all(since) as (string | null)[]);
      if (of.scope === 'wallet') return total(usdOf.wallet.all(of.walletId, since) as (string | null)[]);
      return total(usdOf.session.all(of.sessionId, since) as (string | null)[]);
    },
    sessionRequestsSince: (sessionId, since) =>
      db
        .prepare(`SELECT count(*) FROM transactions WHERE session_id = ? AND created_at >= ? AND status != 'CANCELLED'`)
        .pluck()
        .get(sessionId, since) as number,
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
