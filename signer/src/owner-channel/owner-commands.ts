import { type admin, type CosignRequest, type owner, type Policy, WaiaasError } from '@waiaas/protocol';
import type { AuditLog } from '../audit/audit-log.js';
import { type SessionSpentOf, type SessionStore, toSession } from '../session/session-store.js';
import { type TransactionStore, toTransaction } from '../transaction/transaction-store.js';
import type { Approvals } from '../approval/create-approvals.js';
import { defineOwnerCommand, type OwnerCommandTable } from './owner-command-table.js';

export interface OwnerCommandDeps {
  sessions: SessionStore;
  /** Each session's spent-or-reserved native amount, as its limits count it. */
  sessionSpent: SessionSpentOf;
  transactions: TransactionStore;
  /** The same activation the CLI's admin route runs. */
  activateKillSwitch: (actor: `owner:${string}`, reason: string | null) => admin.ActivateKillSwitchResponse;
  /** The approval workflow: answers carry the Owner's wallet signature, which it verifies. */
  approvals: Pick<Approvals, 'pending' | 'answer'>;
  ownerStatus: () => admin.OwnerStatus;
  registerMessage: (address: string) => { owner: CosignRequest; currentOwner: CosignRequest | null };
  register: (answer: { address: string; nonce: string; signature: string; currentOwnerSignature?: string; via: string }) => Promise<admin.OwnerStatus>;
  recoverMessage: () => CosignRequest;
  /** Checks the master password (with the admin login's lockout), then the Owner's signature. */
  recover: (masterPassword: string, proof: { nonce: string; signature: string } | undefined, actor: `owner:${string}`) => Promise<admin.KillSwitchStatus>;
  /** The admin route's listing: what applies to a wallet or a session. */
  listPolicies: (filter: { wallet?: string; session?: string }) => Policy[];
  policyChangeMessage: (change: owner.PolicyChange) => CosignRequest;
  /** Every policy change from a device carries the Owner's signature over it, which this verifies. */
  changePolicy: (answer: { change: owner.PolicyChange; nonce: string; signature: string; via: string }) => Promise<Policy>;
  /** The Owner vouches for the audit log's head: the message, then the signed answer (verified by the audit module). */
  checkpointMessage: () => Promise<CosignRequest>;
  checkpoint: (answer: { seq: number; nonce: string; signature: string; via: string }) => Promise<admin.AuditCheckpointReport>;
  audit: AuditLog;
  now: () => number;
}

/**
 * The one place the Owner channel's dispatch table is built. Only commands a paired device may
 * give on its own, and those that carry the Owner's wallet signature (checked by the workflow they call).
 */
export function createOwnerCommands(deps: OwnerCommandDeps): OwnerCommandTable {
  return {
    'session.list': defineOwnerCommand('session.list', (request) => ({
      sessions: deps.sessions
        .list({ walletId: request.walletId, activeAt: request.all ? undefined : deps.now() })
        .map((row) => toSession(row, deps.now(), deps.sessionSpent(row.id))),
    })),
    'session.revoke': defineOwnerCommand('session.revoke', (request, ctx) => {
      const { sessionId } = request;
      if (!deps.sessions.get(sessionId)) throw new WaiaasError('SESSION__NOT_FOUND', { sessionId });
      const revoked = deps.sessions.revoke(sessionId, deps.now());
      const row = deps.sessions.get(sessionId);
      if (!row) throw new WaiaasError('SESSION__NOT_FOUND', { sessionId });
      if (revoked) deps.audit.record({ actor: ctx.actor, action: 'session.revoke', walletId: row.wallet_id, sessionId });
      return { session: toSession(row, deps.now(), deps.sessionSpent(sessionId)) };
    }),
    'kill_switch.activate': defineOwnerCommand('kill_switch.activate', (request, ctx) =>
      deps.activateKillSwitch(ctx.actor, request.reason ?? null),
    ),
    'transaction.cancel': defineOwnerCommand('transaction.cancel', (request, ctx) => {
      const { transactionId } = request;
      const row = deps.transactions.get(transactionId);
      if (!row) throw new WaiaasError('OWNER__TRANSACTION_NOT_FOUND', { transactionId });
      // Only a DELAY transaction still in its cooldown: later ones may already be signed or sent.
      const update = { status: 'CANCELLED' as const, error_message: 'Cancelled by the Owner.' };
      if (row.status !== 'QUEUED' || !deps.transactions.advance(transactionId, 'QUEUED', update, deps.now())) {
        const status = deps.transactions.get(transactionId)?.status ?? row.status;
        throw new WaiaasError('TRANSACTION__NOT_CANCELLABLE', { transactionId, status });
      }
      deps.audit.record({ actor: ctx.actor, action: 'transaction.cancel', walletId: row.wallet_id, details: { transactionId } });
      const cancelled = deps.transactions.get(transactionId);
      if (!cancelled) throw new WaiaasError('OWNER__TRANSACTION_NOT_FOUND', { transactionId });
      return { transaction: toTransaction(cancelled) };
    }),
    'approval.list': defineOwnerCommand('approval.list', () => ({ approvals: deps.approvals.pending() })),
    'approval.approve': defineOwnerCommand('approval.approve', (request, ctx) =>
      deps.approvals.answer(request.approvalId, 'approve', request.signature, ctx.actor),
    ),
    'approval.reject': defineOwnerCommand('approval.reject', (request, ctx) =>
      deps.approvals.answer(request.approvalId, 'reject', request.signature, ctx.actor, request.reason),
    ),
    'owner.status': defineOwnerCommand('owner.status', () => ({ owner: deps.ownerStatus() })),
    'owner.register_message': defineOwnerCommand('owner.register_message', (request) => deps.registerMessage(request.address)),
    'owner.register': defineOwnerCommand('owner.register', async (request, ctx) => ({
      owner: await deps.register({ ...request, via: ctx.actor }),
    })),
    'kill_switch.recover_message': defineOwnerCommand('kill_switch.recover_message', () => deps.recoverMessage()),
    'kill_switch.recover': defineOwnerCommand('kill_switch.recover', async (request, ctx) => {
      const proof = request.nonce && request.signature ? { nonce: request.nonce, signature: request.signature } : undefined;
      return { killSwitch: await deps.recover(request.masterPassword, proof, ctx.actor) };
    }),
    'policy.list': defineOwnerCommand('policy.list', (request) => ({ policies: deps.listPolicies({ wallet: request.wallet, session: request.session }) })),
    'policy.change_message': defineOwnerCommand('policy.change_message', (request) => deps.policyChangeMessage(request.change)),
    'policy.change': defineOwnerCommand('policy.change', async (request, ctx) => ({
      policy: await deps.changePolicy({ change: request.change, nonce: request.nonce, signature: request.signature, via: ctx.actor }),
    })),
    'audit.checkpoint_message': defineOwnerCommand('audit.checkpoint_message', () => deps.checkpointMessage()),
    'audit.checkpoint': defineOwnerCommand('audit.checkpoint', async (request, ctx) => ({
      checkpoint: await deps.checkpoint({ seq: request.seq, nonce: request.nonce, signature: request.signature, via: ctx.actor }),
    })),
  };
}
