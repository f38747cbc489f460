import type { ReadonlySignal } from '@preact/signals';
import type { admin } from '@waiaas/protocol';
import { requestKey, type RequestStatus } from '../models/request-tracker';
import { ApprovalCard } from './ApprovalCard';

export interface ApprovalListProps {
  approvals: readonly admin.Approval[];
  statuses: Readonly<Record<string, RequestStatus>>;
  now: ReadonlySignal<number>;
  offline: boolean;
  onApprove(approvalId: string): void;
  onReject(approvalId: string, reason: string | undefined): void;
  onDismiss(key: string): void;
}

/** Every approval waiting for the Owner, oldest first (the one closest to expiring on top). */
export function ApprovalList({ approvals, statuses, now, offline, onApprove, onReject, onDismiss }: ApprovalListProps) {
  if (approvals.length === 0) {
    return (
      <p class="empty" data-testid="approvals-empty">
        No requests are waiting for you. When an agent asks for more than its policy allows, it shows up here.
      </p>
    );
  }
  return (
    <div class="list">
      {approvals.map((approval) => (
        <ApprovalCard
          key={approval.id}
          approval={approval}
          now={now}
          approveStatus={statuses[requestKey('approve', approval.id)]}
          rejectStatus={statuses[requestKey('reject', approval.id)]}
          offline={offline}
          onApprove={onApprove}
          onReject={onReject}
          onDismissError={(action) => onDismiss(requestKey(action, approval.id))}
        />
      ))}
    </div>
  );
}
