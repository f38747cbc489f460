import { type CosignFields, WaiaasError } from '@waiaas/protocol';
import { verifyCosign } from '../owner/verify-cosign.js';
import type { ApprovalDeps } from './approval-deps.js';
import { approvalCosignFields } from './approval-cosign.js';
import type { ApprovalRow } from './approval-store.js';
import { rejectionReason } from './rejection-reason.js';

export interface ApprovalAnswer {
  approvalId: string;
  action: 'approve' | 'reject';
  /** The Owner's signature over the co-sign message of this approval and action. */
  signature: string;
  /** Who relayed the answer (an Owner device), for the audit log. */
  via: string;
  /**
   * A rejection's reason as the device relayed it: not part of the signed message, so only shown
   * (to the agent on its transaction, in the audit log), never acted on.
   */
  reason?: string;
}

export interface ApprovalOutcome {
  approvalId: string;
  transactionId: string;
  status: 'APPROVED' | 'REJECTED';
}

/**
 * The Owner's answer to an approval. The signature is checked against the message the signer
 * rebuilds from its own records; then, in one database transaction, the answer's nonce is spent,
 * the approval decided and the transaction moved on. An approved transaction waits `settleMs`
 * before it is signed, so a rejection sent at the same moment still wins; a rejection is refused
 * only once the agent key has signed. Refusals are audited too.
 */
export async function answerApproval(deps: ApprovalDeps & { settleMs: number }, answer: ApprovalAnswer): Promise<ApprovalOutcome> {
  try {
    return await decide(deps, answer);
  } catch (error) {
    if (error instanceof WaiaasError) {
      deps.audit.record({
        actor: 'system',
        action: `approval.${answer.action}.refused`,
        details: { approvalId: answer.approvalId, via: answer.via, code: error.code },
      });
    }
    throw error;
  }
}

async function decide(deps: ApprovalDeps & { settleMs: number }, answer: ApprovalAnswer): Promise<ApprovalOutcome> {
  const owner = deps.owner.get();
  if (!owner) throw new WaiaasError('OWNER__NOT_REGISTERED');
  const approval = deps.approvals.get(answer.approvalId);
  if (!approval) throw new WaiaasError('APPROVAL__NOT_FOUND', { approval: answer.approvalId });
  const fields: CosignFields = approvalCosignFields(deps, approval, answer.action);
  await verifyCosign(owner, fields, answer.signature);

  return deps.atomically(() => {
    const now = deps.now();
    const current = deps.approvals.get(approval.id) as ApprovalRow;
    // The Owner may have been replaced while the signature was being checked.
    if (deps.owner.get()?.address !== owner.address) throw new WaiaasError('COSIGN__INVALID_SIGNATURE', { action: answer.action, owner: owner.address });
    const by = `owner:${owner.address}` as const;
    const reason = answer.action === 'reject' ? rejectionReason(answer.reason) : null;
    const outcome = answer.action === 'approve' ? approve(deps, current, now, by) : reject(deps, current, now, by, reason);
    if (owner.state === 'GRACE') deps.owner.lock(owner.address, now);
    deps.audit.record({
      actor: by,
      action: `approval.${outcome.status.toLowerCase()}`,
      walletId: deps.transactions.get(current.transaction_id)?.wallet_id ?? null,
      details: {
        approvalId: current.id,
        transactionId: current.transaction_id,
        digest: current.content_digest,
        via: answer.via,
        ...(answer.action === 'reject' && { reason }),
      },
    });
    return outcome;
  });
}

function assertOpen(approval: ApprovalRow, now: number) {
  if (approval.status !== 'PENDING') throw new WaiaasError('APPROVAL__ALREADY_DECIDED', { approval: approval.id, status: approval.status });
  if (approval.expires_at <= now) throw new WaiaasError('APPROVAL__EXPIRED', { approval: approval.id, expiredAt: new Date(approval.expires_at).toISOString() });
}

function approve(deps: ApprovalDeps & { settleMs: number }, approval: ApprovalRow, now: number, by: string): ApprovalOutcome {
  assertOpen(approval, now);
  deps.nonces.consume(approval.approve_nonce, 'approve', approval.id, now);
  deps.approvals.decide(approval.id, 'PENDING', 'APPROVED', by, now);
  const moved = deps.transactions.advance(approval.transaction_id, 'AWAITING_APPROVAL', { status: 'PENDING', next_attempt_at: now + deps.settleMs }, now);
  if (!moved) throw transactionGone(deps, approval);
  setTimeout(() => deps.kick(approval.transaction_id), deps.settleMs).unref();
  return { approvalId: approval.id, transactionId: approval.transaction_id, status: 'APPROVED' };
}

function reject(deps: ApprovalDeps, approval: ApprovalRow, now: number, by: string, reason: string | null): ApprovalOutcome {
  // What the agent reads on GET /v1/transactions/:id: who stopped its request, and why if the Owner said.
  const { code, message } = new WaiaasError('APPROVAL__REJECTED', { approval: approval.id, reason });
  const rejected = { status: 'REJECTED' as const, error_code: code, error_message: message };
  if (approval.status === 'APPROVED') {
    // Approved but maybe not signed yet: the rejection still wins if the agent key has not signed.
    deps.nonces.consume(approval.reject_nonce, 'reject', approval.id, now);
    // Decided first so the transaction's move reports the final outcome; a failed move rolls both back.
    deps.approvals.decide(approval.id, 'APPROVED', 'REJECTED', by, now);
    if (!deps.transactions.advance(approval.transaction_id, 'PENDING', rejected, now)) {
      const status = deps.transactions.get(approval.transaction_id)?.status ?? 'unknown';
      throw new WaiaasError('APPROVAL__TOO_LATE_TO_REJECT', { approval: approval.id, status });
    }
  } else {
    assertOpen(approval, now);
    deps.nonces.consume(approval.reject_nonce, 'reject', approval.id, now);
    deps.approvals.decide(approval.id, 'PENDING', 'REJECTED', by, now);
    if (!deps.transactions.advance(approval.transaction_id, 'AWAITING_APPROVAL', rejected, now)) throw transactionGone(deps, approval);
  }
  return { approvalId: approval.id, transactionId: approval.transaction_id, status: 'REJECTED' };
}

/** The transaction left AWAITING_APPROVAL without the approval (the agent cancelled it): nothing to answer. */
function transactionGone(deps: ApprovalDeps, approval: ApprovalRow) {
  const status = deps.transactions.get(approval.transaction_id)?.status ?? 'unknown';
  return new WaiaasError('APPROVAL__ALREADY_DECIDED', { approval: approval.id, status });
}
