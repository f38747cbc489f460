import { type admin, WaiaasError } from '@waiaas/protocol';
import type { AuditActor, AuditLog } from '../audit/audit-log.js';
import type { Db } from '../db/open-database.js';
import type { TransactionStore } from '../transaction/transaction-store.js';
import type { KillSwitchStore } from './kill-switch-store.js';

const WAITING = ['PENDING', 'QUEUED', 'AWAITING_APPROVAL'] as const;

/**
 * Engages the kill switch: in one database transaction the state moves ACTIVE → SUSPENDED (LOCKED
 * when the Owner engaged it; a
 * compare-and-swap, so two activations cannot both run the cascade), every live session is
 * revoked and every transaction not yet signed is cancelled, releasing its budget. Signed
 * transactions are not recalled (their bytes may already be on the wire); the pipeline holds back
 * any that are not yet sent until recovery.
 */
export function activateKillSwitch(
  deps: { db: Db; killSwitch: KillSwitchStore; transactions: TransactionStore; audit: AuditLog; now: () => number },
  request: { actor: AuditActor; reason: string | null },
): admin.ActivateKillSwitchResponse {
  const now = deps.now();
  return deps.db
    .transaction(() => {
      // Engaged by the Owner's own device it is LOCKED, by the master SUSPENDED: the log says who stopped it.
      const state = request.actor.startsWith('owner:') ? 'LOCKED' : 'SUSPENDED';
      if (!deps.killSwitch.transition('ACTIVE', state, { at: now, actor: request.actor, reason: request.reason })) {
        const current = deps.killSwitch.get();
        throw new WaiaasError('KILL_SWITCH__ALREADY_ENGAGED', { state: current.state, since: current.changedAt });
      }
      const revokedSessions = deps.db
        .prepare('UPDATE sessions SET revoked_at = ? WHERE revoked_at IS NULL AND expires_at > ?')
        .run(now, now).changes;
      const waiting = deps.db
        .prepare<[], { id: string; status: (typeof WAITING)[number] }>(
          `SELECT id, status FROM transactions WHERE status IN (${WAITING.map((s) => `'${s}'`).join(', ')})`,
        )
        .all();
      let cancelledTransactions = 0;
      for (const tx of waiting) {
        const update = { status: 'CANCELLED' as const, error_code: 'KILL_SWITCH__ENGAGED', error_message: 'Cancelled by the kill switch.' };
        if (deps.transactions.advance(tx.id, tx.status, update, now)) cancelledTransactions++;
      }
      deps.audit.record({
        actor: request.actor,
        action: 'kill_switch.activate',
        details: { reason: request.reason, revokedSessions, cancelledTransactions },
      });
      return { killSwitch: deps.killSwitch.get(), revokedSessions, cancelledTransactions };
    })
    .immediate();
}
