import type { admin, agent } from '@waiaas/protocol';
import type { Owner } from '../owner/owner-store.js';
import type { ApprovalDeps } from './approval-deps.js';
import { requestFor } from '../owner/owner-challenge.js';
import { approvalCosignFields } from './approval-cosign.js';
import type { ApprovalRow } from './approval-store.js';
import { describeCall } from './describe-call.js';
import { recipientStanding } from './recipient-standing.js';

const iso = (ms: number) => new Date(ms).toISOString();
const CENT = 10n ** 16n;

/** USD × 10^18 → "12.35", rounded up to the cent: the Owner is never shown less than is at stake. */
function usdText(value: bigint | undefined): string | null {
  if (value === undefined) return null;
  const cents = (value + CENT - 1n) / CENT;
  return `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;
}

/** An approval as the Owner reviews it; the messages to sign only while it can still be answered. */
export function approvalView(
  deps: Pick<ApprovalDeps, 'transactions' | 'wallets' | 'signerIdentity' | 'usdValueOf' | 'sessionBudgetOf' | 'policiesFor'>,
  row: ApprovalRow,
  owner: Owner | undefined,
  now: number,
): admin.Approval | undefined {
  const tx = deps.transactions.get(row.transaction_id);
  const wallet = tx && deps.wallets.findById(tx.wallet_id);
  if (!tx || !wallet) return undefined;
  const call = JSON.parse(tx.intent) as agent.TransactionCall;
  const words = describeCall(call, wallet.chain);
  const open = row.status === 'PENDING' && row.expires_at > now && owner !== undefined;
  return {
    id: row.id,
    transactionId: tx.id,
    walletId: wallet.id,
    walletName: wallet.name,
    chain: wallet.chain,
    sessionId: tx.session_id,
    network: tx.network,
    type: tx.type,
    status: row.status,
    ...words,
    ...recipientStanding(deps.policiesFor(wallet.id, tx.session_id), call, wallet.chain),
    policyReason: tx.policy_reason,
    justification: tx.justification,
    contentDigest: row.content_digest,
    usdValue: usdText(deps.usdValueOf(tx.id)),
    simulation: row.simulation === null ? null : (JSON.parse(row.simulation) as admin.Approval['simulation']),
    sessionBudget: tx.session_id ? deps.sessionBudgetOf(tx.session_id) : null,
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    cosign: open
      ? {
          approve: requestFor(owner, approvalCosignFields(deps, row, 'approve')),
          reject: requestFor(owner, approvalCosignFields(deps, row, 'reject')),
        }
      : null,
  };
}
