import type { admin, owner as ownerProtocol } from '@waiaas/protocol';
import type { ApprovalDeps } from './approval-deps.js';
import { type ApprovalOutcome, answerApproval } from './answer-approval.js';
import { approvalView } from './approval-view.js';
import { assertApprovedDigest, expireApprovals } from './expire-approvals.js';
import { openApproval } from './open-approval.js';

export interface Approvals {
  /**
   * Inside the accepting database transaction: opens the approval, which expires after
   * `ttlSeconds` (the deciding policy's approval expiry) or else the configured `ttlMs`.
   */
  open(tx: { id: string; contentDigest: string; ttlSeconds?: number }, now: number): void;
  /**
   * After that transaction commits: runs the dry run the Owner will see, then tells the Owner's
   * devices. Never throws; a failed dry run is shown as such.
   */
  announce(transactionId: string): Promise<void>;
  pending(): admin.Approval[];
  /** `reason`: a rejection's unsigned reason, shown to the agent and audited (see ApprovalAnswer). */
  answer(approvalId: string, action: 'approve' | 'reject', signature: string, via: string, reason?: string): Promise<ApprovalOutcome>;
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
      openApproval(deps, tx, now, tx.ttlSeconds === undefined ? deps.ttlMs : tx.ttlSeconds * 1000);
    },
    async announce(transactionId) {
      const simulation = await deps.simulate(transactionId).catch((error: unknown) => ({
        ok: false,
        fee: '0',
        balanceChanges: [],
        error: `the dry run could not run: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500),
      }));
      const row = deps.approvals.forTransaction(transactionId);
      if (!row) return;
      deps.approvals.setSimulation(row.id, JSON.stringify(simulation));
      const approval = view({ ...row, simulation: JSON.stringify(simulation) });
      if (approval && approval.status === 'PENDING') deps.publish({ kind: 'approval.requested', approval });
    },
    pending: () => deps.approvals.pending().flatMap((row) => view(row) ?? []),
    answer: (approvalId, action, signature, via, reason) => answerApproval(deps, { approvalId, action, signature, via, reason }),
    expireDue: () => expireApprovals(deps),
    assertApproved: (transactionId, digest) => assertApprovedDigest(deps, transactionId, digest),
  };
}
