import { WaiaasError } from '@waiaas/protocol';
import type { ApprovalDeps } from './approval-deps.js';

/**
 * Ends every approval whose time is up: the transaction becomes EXPIRED (its budget released in
 * the same step) and the approval with it. Run on a timer and at start-up.
 */
export function expireApprovals(deps: Pick<ApprovalDeps, 'approvals' | 'transactions' | 'audit' | 'atomically' | 'now'>): number {
  const now = deps.now();
  let expired = 0;
  for (const approval of deps.approvals.due(now)) {
    deps.atomically(() => {
      const tx = deps.transactions.get(approval.transaction_id);
      const moved = deps.transactions.advance(approval.transaction_id, 'AWAITING_APPROVAL', {
        status: 'EXPIRED',
        error_code: 'APPROVAL__EXPIRED',
        error_message: `The Owner did not answer before ${new Date(approval.expires_at).toISOString()}.`,
      }, now);
      // advance() closed the approval too; if the transaction had already left, close it here.
      if (!moved) deps.approvals.decide(approval.id, 'PENDING', 'EXPIRED', 'system', now);
      deps.audit.record({ actor: 'system', action: 'approval.expired', walletId: tx?.wallet_id ?? null, details: { approvalId: approval.id, transactionId: approval.transaction_id } });
      expired++;
    });
  }
  return expired;
}

/**
 * Immediately before the agent key signs an APPROVAL-tier transaction: it must have been approved,
 * and what is about to be signed must be exactly what the Owner approved.
 */
export function assertApprovedDigest(deps: Pick<ApprovalDeps, 'approvals'>, transactionId: string, digest: string): void {
  const approval = deps.approvals.forTransaction(transactionId);
  if (approval?.status !== 'APPROVED' || approval.content_digest !== digest) {
    throw new WaiaasError('APPROVAL__DIGEST_MISMATCH', { transaction: transactionId });
  }
}
