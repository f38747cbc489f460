import type { owner } from '@waiaas/protocol';
import type { KillSwitchStore } from '../kill-switch/kill-switch-store.js';
import { type SessionSpentOf, type SessionStore, toSession } from '../session/session-store.js';
import { type TransactionStore, toTransaction } from '../transaction/transaction-store.js';
import type { WalletStore } from '../wallet/wallet-store.js';
import type { Approvals } from '../approval/create-approvals.js';

/** Most DELAY transactions per wallet a snapshot carries. */
const PER_WALLET = 100;

/** The state a device rebuilds its view from when it has missed too many events. */
export function ownerSnapshot(deps: {
  killSwitch: KillSwitchStore;
  sessions: SessionStore;
  sessionSpent: SessionSpentOf;
  transactions: TransactionStore;
  wallets: WalletStore;
  approvals: Pick<Approvals, 'pending'>;
  now: () => number;
}): owner.OwnerSnapshot {
  const now = deps.now();
  return {
    killSwitch: deps.killSwitch.get(),
    sessions: deps.sessions.list({ activeAt: now }).map((row) => toSession(row, now, deps.sessionSpent(row.id))),
    delayedTransactions: deps.wallets
      .list()
      .flatMap((wallet) => deps.transactions.page(wallet.id, { status: 'QUEUED', limit: PER_WALLET }))
      .map(toTransaction),
    approvals: deps.approvals.pending(),
  };
}
