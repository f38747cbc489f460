import type { owner } from '@waiaas/protocol';
import type { TransactionStore } from '../transaction/transaction-store.js';
import type { ApprovalStore } from './approval-store.js';

/**
 * Every way an approval ends moves its transaction: approved (→ PENDING), rejected, expired, or
 * cancelled by the agent, the kill switch or AutoStop. So the Owner's devices learn of each outcome
 * from the one store every such move goes through, whichever code path made it.
 */
export function observeApprovalOutcomes(
  store: TransactionStore,
  approvals: Pick<ApprovalStore, 'forTransaction'>,
  publish: (event: owner.OwnerEventBody) => void,
): TransactionStore {
  return {
    ...store,
    advance(id, from, update, now) {
      const moved = store.advance(id, from, update, now);
      const settles = from === 'AWAITING_APPROVAL' || (update.status === 'REJECTED' && from === 'PENDING');
      if (moved && settles) {
        const approval = approvals.forTransaction(id);
        if (approval && approval.status !== 'PENDING') {
          publish({ kind: 'approval.resolved', approvalId: approval.id, transactionId: id, status: approval.status });
        }
      }
      return moved;
    },
  };
}
