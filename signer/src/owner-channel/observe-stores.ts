import type { agent, owner } from '@waiaas/protocol';
import type { KillSwitchStore } from '../kill-switch/kill-switch-store.js';
import type { SessionStore } from '../session/session-store.js';
import type { TransactionStore } from '../transaction/transaction-store.js';

type Publish = (event: owner.OwnerEventBody) => void;

/*
 * Publishing hooks for the Owner channel, as wrappers around the stores every change goes
 * through: whichever code path changes a transaction's status, opens or revokes a session or
 * flips the kill switch (agent API, admin API, pipeline, AutoStop, an Owner command), the event
 * follows from the one write that made it — none can be forgotten.
 */

/** The final statuses, and what each does to the reservations of its transaction. */
const SETTLES_BUDGET: Partial<Record<agent.TransactionStatus, 'committed' | 'released'>> = {
  CONFIRMED: 'committed',
  FAILED: 'released',
  CANCELLED: 'released',
  EXPIRED: 'released',
  REJECTED: 'released',
};

/** Status changes (insert and every successful `advance`), and a notice for each NOTIFY-tier acceptance. */
export function observeTransactions(store: TransactionStore, publish: Publish): TransactionStore {
  const changed = (id: string) => {
    const row = store.get(id);
    if (!row) return;
    publish({ kind: 'transaction.status_changed', transactionId: row.id, walletId: row.wallet_id, status: row.status, tier: row.tier });
  };
  const budget = (id: string, change: 'reserved' | 'committed' | 'released') => {
    const row = store.get(id);
    if (row) publish({ kind: 'budget.changed', walletId: row.wallet_id, sessionId: row.session_id, transactionId: id, change });
  };
  return {
    ...store,
    insert(row) {
      store.insert(row);
      changed(row.id);
      // Every accepted request reserves what it moves (the reservation is written in the same transaction).
      budget(row.id, 'reserved');
      if (row.tier === 'NOTIFY') {
        publish({ kind: 'transaction.notify', transactionId: row.id, walletId: row.wallet_id, type: row.type, policyReason: row.policy_reason });
      }
    },
    advance(id, from, update, now) {
      const moved = store.advance(id, from, update, now);
      if (moved && update.status && update.status !== from) changed(id);
      if (moved && update.status && SETTLES_BUDGET[update.status]) budget(id, SETTLES_BUDGET[update.status] ?? 'released');
      return moved;
    },
  };
}

/** Sessions opened and revoked one by one (the kill switch's mass revocation is its own event). */
export function observeSessions(store: SessionStore, publish: Publish): SessionStore {
  return {
    ...store,
    insert(row) {
      store.insert(row);
      publish({ kind: 'session.created', sessionId: row.id, walletId: row.wallet_id });
    },
    revoke(id, at) {
      const revoked = store.revoke(id, at);
      const row = revoked ? store.get(id) : undefined;
      if (row) publish({ kind: 'session.revoked', sessionId: row.id, walletId: row.wallet_id });
      return revoked;
    },
  };
}

export function observeKillSwitch(store: KillSwitchStore, publish: Publish): KillSwitchStore {
  return {
    ...store,
    transition(from, to, change) {
      const moved = store.transition(from, to, change);
      if (moved) publish({ kind: 'kill_switch.changed', state: to, actor: change.actor, reason: change.reason });
      return moved;
    },
  };
}
