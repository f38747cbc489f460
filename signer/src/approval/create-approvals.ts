import type { admin, owner as ownerProtocol } from '@waiaas/protocol';
import type { ApprovalDeps } from './approval-deps.js';
import { type ApprovalOutcome, answerApproval } from './answer-approval.js';
import { approvalView } from './approval-view.js';
import { assertApprovedDigest, expireApprovals } from './expire-approvals.js';
import { openApproval } from './open-approval.js';

export interface Approvals {
  /** Inside the accepting database transaction: opens the approval and tells the Owner's devices. */
  open(tx: { id: string; contentDigest: string }, now: number): void;
  pending(): admin.Approval[];
  answer(approvalId: string, action: 'approve' | 'reject', signature: string, via: string): Promise<ApprovalOutcome>;
  expireDue(): number;
  assertApproved(transactionId: string, contentDigest: string): void;
}

/** The approval workflow behind one face, for the admin API, the Owner channel and the pipeline alike. */
export function createApprovals(
  deps: ApprovalDeps & { ttlMs: number; settleMs: number; publish: (event: ownerProtocol.OwnerEventBody) => void },
): Approvals {
  const view = (row: Parameters<typeof approvalView>[1]) => approvalView(deps, row, deps.owner.get(), deps.now());
  return {
    open(tx, now) {
      const row = openApproval(deps, tx, now, deps.ttlMs);
      const approval = view(row);
      if (approval) deps.publish({ kind: 'approval.requested', approval });
    },
    pending: () => deps.approvals.pending().flatMap((row) => view(row) ?? []),
    answer: (approvalId, action, signature, via) => answerApproval(deps, { approvalId, action, signature, via }),
    expireDue: () => expireApprovals(deps),
    assertApproved: (transactionId, digest) => assertApprovedDigest(deps, transactionId, digest),
  };
}
