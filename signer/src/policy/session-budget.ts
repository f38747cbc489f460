import { type agent, NATIVE_UNITS, WaiaasError } from '@waiaas/protocol';
import type { SessionRow } from '../session/session-store.js';
import type { WalletStore } from '../wallet/wallet-store.js';
import type { ReservationStore } from './reservation-store.js';
import { NATIVE_ASSET } from './spend-of.js';

/**
 * Reserved plus committed native amount of a session: what its `maxTotal` is checked against at
 * accept time, and what every view of the session (`spent`, the budget) reports.
 */
export function sessionSpent(reservations: Pick<ReservationStore, 'sessionUsage'>, sessionId: string): bigint {
  return reservations.sessionUsage(sessionId, NATIVE_ASSET);
}

export function sessionBudget(
  deps: { wallets: WalletStore; reservations: ReservationStore },
  session: SessionRow,
): agent.BudgetResponse {
  const wallet = deps.wallets.findById(session.wallet_id);
  if (!wallet) throw new WaiaasError('WALLET__NOT_FOUND', { wallet: session.wallet_id });
  const used = sessionSpent(deps.reservations, session.id);
  const remaining = session.max_total === null ? null : BigInt(session.max_total) - used;
  const unit = NATIVE_UNITS[wallet.chain];
  return {
    walletId: wallet.id,
    sessionId: session.id,
    limits: [
      {
        scope: 'session',
        asset: NATIVE_ASSET,
        symbol: unit.symbol,
        decimals: unit.decimals,
        maxPerTx: session.max_per_tx,
        maxTotal: session.max_total,
        used: used.toString(),
        remaining: remaining === null ? null : (remaining > 0n ? remaining : 0n).toString(),
      },
    ],
  };
}
