import type { ReadonlySignal } from '@preact/signals';
import type { admin } from '@waiaas/protocol';
import type { RequestStatus } from '../models/request-tracker';
import { Amount } from './Amount';
import { ConfirmButton } from './ConfirmButton';
import { Countdown } from './Countdown';
import { ErrorNote } from './ErrorNote';
import type { ChainFamily } from './native-unit';
import { RecipientLine } from './RecipientLine';
import { SimulationResult } from './SimulationResult';

export interface ApprovalCardProps {
  approval: admin.Approval;
  now: ReadonlySignal<number>;
  approveStatus: RequestStatus | undefined;
  rejectStatus: RequestStatus | undefined;
  /** Actions need a live link to the signer. */
  offline: boolean;
  onApprove(approvalId: string): void;
  onReject(approvalId: string, reason: string | undefined): void;
  onDismissError(action: 'approve' | 'reject'): void;
}

const shortId = (id: string) => id.slice(-8);

function Budget({ budget, chain }: { budget: admin.Approval['sessionBudget']; chain: ChainFamily }) {
  if (budget === null) return <>No session budget applies.</>;
  if (budget.maxTotal === null || budget.remaining === null) return <>No limit (used <Amount base={budget.used} chain={chain} />).</>;
  return (
    <>
      <Amount base={budget.remaining} chain={chain} /> left of <Amount base={budget.maxTotal} chain={chain} />, with this request
    </>
  );
}

/** One approval the Owner must answer: everything needed to decide, then Approve or Reject. */
export function ApprovalCard(props: ApprovalCardProps) {
  const { approval, now, approveStatus, rejectStatus, offline, onApprove, onReject, onDismissError } = props;
  const chain = approval.chain;
  const expired = !(Date.parse(approval.expiresAt) > now.value) || approval.status !== 'PENDING';
  const waiting = approveStatus?.pending === true || rejectStatus?.pending === true;
  const titleId = `approval-${approval.id}`;
  return (
    <article class="card approval" data-testid="approval" data-approval-id={approval.id} data-expired={String(expired)} aria-labelledby={titleId}>
      <header class="card-header">
        <h3 id={titleId}>{approval.summary}</h3>
        <Countdown until={approval.expiresAt} now={now} />
      </header>
      <dl class="facts">
        <dt>Agent</dt>
        <dd>
          Wallet <strong>{approval.walletName}</strong>
          {approval.sessionId !== null ? <> · session <code title={approval.sessionId}>…{shortId(approval.sessionId)}</code></> : ' · no session'}
          {' · '}
          {approval.network}
        </dd>
        <dt>Amount</dt>
        <dd>
          <strong>{approval.amount}</strong> <span class="muted">{approval.usdValue === null ? 'USD —' : `≈ $${approval.usdValue}`}</span>
        </dd>
        <dt>To</dt>
        <dd>
          <RecipientLine approval={approval} />
        </dd>
        <dt>Why you</dt>
        <dd>{approval.policyReason ?? 'The policy asks you for this kind of request.'}</dd>
        <dt>Budget</dt>
        <dd>
          <Budget budget={approval.sessionBudget} chain={chain} />
        </dd>
        <dt>Dry run</dt>
        <dd>
          <SimulationResult simulation={approval.simulation} chain={chain} />
        </dd>
      </dl>
      {approval.justification !== null && (
        <figure class="justification">
          <figcaption>The agent says (its own words, not checked):</figcaption>
          <blockquote data-testid="justification">“{approval.justification}”</blockquote>
        </figure>
      )}
      {expired ? (
        <p class="expired-note" data-testid="approval-expired">
          This request expired: it can no longer be approved.
        </p>
      ) : approveStatus?.pending ? (
        <p class="waiting" role="status" data-testid="approval-waiting">
          Waiting for your wallet… Sign in the co-sign window that opened.
        </p>
      ) : (
        <div class="actions">
          <button type="button" class="primary" disabled={offline || waiting} data-testid="approve" onClick={() => onApprove(approval.id)}>
            Approve…
          </button>
          <ConfirmButton
            label="Reject…"
            prompt="Reject this request? The agent is told it was rejected."
            confirmLabel="Reject"
            reasonLabel="Reason for the agent (optional)"
            disabled={offline || waiting}
            testId="reject"
            onConfirm={(reason) => onReject(approval.id, reason)}
          />
        </div>
      )}
      {rejectStatus?.pending && (
        <p class="waiting" role="status">
          Rejecting… Sign the rejection in the co-sign window.
        </p>
      )}
      {approveStatus?.error && <ErrorNote error={approveStatus.error} testId="approval-error" onDismiss={() => onDismissError('approve')} />}
      {rejectStatus?.error && <ErrorNote error={rejectStatus.error} testId="approval-error" onDismiss={() => onDismissError('reject')} />}
    </article>
  );
}
