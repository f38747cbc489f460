import { WaiaasError } from '@waiaas/protocol';
import type { AuditLog } from '../audit/audit-log.js';
import type { Db } from '../db/open-database.js';
import type { TransactionStore } from '../transaction/transaction-store.js';
import type { WalletStore } from '../wallet/wallet-store.js';

export interface AutoStopConfig {
  /** Suspend after this many failed transactions in a row (0: off). */
  consecutiveFailures: number;
  /** Suspend when more than this many requests arrive within burstWindowMs (0: off). */
  burstCount: number;
  burstWindowMs: number;
}

export interface AutoStop {
  /** Before a request is accepted: refuses a suspended wallet, and suspends one in an unusual burst. */
  beforeAccept(walletId: string): void;
  /** After a transaction of the wallet failed: suspends it after N failures in a row. */
  afterFailure(walletId: string): void;
  isSuspended(walletId: string): boolean;
  /** Throws WALLET__SUSPENDED for a suspended wallet; safe inside another transaction. */
  assertActive(walletId: string): void;
  resume(walletIdOrName: string): void;
}

const WAITING = "('PENDING', 'QUEUED', 'AWAITING_APPROVAL')";

/**
 * AutoStop stops one wallet by itself when its agent misbehaves — N transactions failing in a row
 * (a confused agent burning fees) or a burst of requests (a runaway loop) — the way the kill switch
 * stops all of them: waiting transactions cancelled (budgets released), new ones refused, nothing
 * signed or sent until the master resumes the wallet.
 */
export function createAutoStop(deps: {
  db: Db;
  wallets: WalletStore;
  transactions: TransactionStore;
  audit: AuditLog;
  now: () => number;
  config: AutoStopConfig;
}): AutoStop {
  const { config } = deps;
  const suspend = (walletId: string, reason: string) =>
    deps.db
      .transaction(() => {
        if (!deps.wallets.suspend(walletId, reason, deps.now())) return;
        const waiting = deps.db
          .prepare<[string], { id: string; status: 'PENDING' | 'QUEUED' | 'AWAITING_APPROVAL' }>(
            `SELECT id, status FROM transactions WHERE wallet_id = ? AND status IN ${WAITING}`,
          )
          .all(walletId);
        for (const tx of waiting) {
          deps.transactions.advance(tx.id, tx.status, { status: 'CANCELLED', error_code: 'WALLET__SUSPENDED', error_message: `Cancelled by AutoStop: ${reason}.` }, deps.now());
        }
        deps.audit.record({ actor: 'system', action: 'wallet.suspend', walletId, details: { reason, cancelledTransactions: waiting.length } });
      })
      .immediate();

  const refuseIfSuspended = (walletId: string) => {
    const wallet = deps.wallets.findById(walletId);
    if (wallet?.suspendedAt) {
      throw new WaiaasError('WALLET__SUSPENDED', { wallet: wallet.name, reason: wallet.suspendedReason ?? 'suspended', since: wallet.suspendedAt });
    }
  };

  return {
    beforeAccept(walletId) {
      refuseIfSuspended(walletId);
      if (config.burstCount > 0 && deps.transactions.countSince(walletId, deps.now() - config.burstWindowMs) >= config.burstCount) {
        suspend(walletId, `more than ${config.burstCount} requests within ${config.burstWindowMs / 1000} s`);
        refuseIfSuspended(walletId);
      }
    },
    afterFailure(walletId) {
      if (config.consecutiveFailures === 0) return;
      const recent = deps.db
        .prepare(`SELECT status FROM transactions WHERE wallet_id = ? AND status IN ('CONFIRMED', 'FAILED') ORDER BY updated_at DESC, id DESC LIMIT ?`)
        .pluck()
        .all(walletId, config.consecutiveFailures) as string[];
      if (recent.length === config.consecutiveFailures && recent.every((s) => s === 'FAILED')) {
        suspend(walletId, `its last ${config.consecutiveFailures} transactions failed`);
      }
    },
    assertActive: refuseIfSuspended,
    isSuspended: (walletId) => Boolean(deps.wallets.findById(walletId)?.suspendedAt),
    resume(walletIdOrName) {
      const wallet = deps.wallets.resolve(walletIdOrName);
      if (!deps.wallets.resume(wallet.id)) throw new WaiaasError('WALLET__NOT_SUSPENDED', { wallet: wallet.name });
      deps.audit.record({ actor: 'master', action: 'wallet.resume', walletId: wallet.id });
    },
  };
}
