import { v7 as uuidv7 } from 'uuid';
import type { ApprovalDeps } from './approval-deps.js';
import type { ApprovalRow } from './approval-store.js';

/**
 * Opens the approval of an APPROVAL-tier transaction, inside the transaction that accepts it: the
 * approval is bound to the content digest of what will be signed, and gets one nonce to approve and
 * one to reject, both valid until it expires.
 */
export function openApproval(
  deps: Pick<ApprovalDeps, 'approvals' | 'nonces'>,
  tx: { id: string; contentDigest: string },
  now: number,
  ttlMs: number,
): ApprovalRow {
  const id = uuidv7();
  const approve = deps.nonces.issue('approve', id, now, ttlMs);
  const reject = deps.nonces.issue('reject', id, now, ttlMs);
  const row = {
    id,
    transaction_id: tx.id,
    content_digest: tx.contentDigest,
    approve_nonce: approve.nonce,
    reject_nonce: reject.nonce,
    issued_at: now,
    expires_at: now + ttlMs,
    created_at: now,
  };
  deps.approvals.insert(row);
  return { ...row, status: 'PENDING', decided_at: null, decided_by: null, simulation: null };
}
