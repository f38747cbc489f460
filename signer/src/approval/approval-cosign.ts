import { type agent, type CosignAction, type CosignFields, WaiaasError } from '@waiaas/protocol';
import type { ApprovalDeps } from './approval-deps.js';
import type { ApprovalRow } from './approval-store.js';
import { describeCall } from './describe-call.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** The fields the Owner signs to approve or reject an approval: rebuilt from the signer's records each time. */
export function approvalCosignFields(deps: Pick<ApprovalDeps, 'transactions' | 'wallets' | 'signerIdentity'>, approval: ApprovalRow, action: 'approve' | 'reject'): CosignFields {
  const tx = deps.transactions.get(approval.transaction_id);
  const wallet = tx && deps.wallets.findById(tx.wallet_id);
  if (!tx || !wallet) throw new WaiaasError('APPROVAL__NOT_FOUND', { approval: approval.id });
  const words = describeCall(JSON.parse(tx.intent) as agent.TransactionCall, wallet.chain);
  return {
    action,
    summary: `${action === 'approve' ? 'Approve' : 'Reject'}: ${words.summary}, from agent wallet ${wallet.name} on ${tx.network}`.slice(0, 500),
    amount: words.amount,
    recipient: words.recipient,
    network: tx.network,
    wallet: `${wallet.name} (${wallet.address})`,
    digest: approval.content_digest,
    signer: deps.signerIdentity(),
    nonce: action === 'approve' ? approval.approve_nonce : approval.reject_nonce,
    issuedAt: iso(approval.issued_at),
    expiresAt: iso(approval.expires_at),
  };
}
