import type { owner } from '@waiaas/protocol';
import type { CompanionState } from '../port/messages.js';

/** The random tail of a UUID v7 (its head is a timestamp, alike for ids made close together). */
export function shortId(id: string): string {
  return `…${id.slice(-8)}`;
}

/** A wallet's name when the state knows it (from a session or an approval), else its short id. */
export function walletLabel(state: Pick<CompanionState, 'sessions' | 'approvals'>, walletId: string): string {
  const named = state.sessions.find((s) => s.walletId === walletId) ?? state.approvals.find((a) => a.walletId === walletId);
  return named ? named.walletName : shortId(walletId);
}

/** One line of recent activity, in words; null for events that are not worth a line (budget moves). */
export function activityText(state: Pick<CompanionState, 'sessions' | 'approvals'>, event: owner.OwnerEventBody): string | null {
  switch (event.kind) {
    case 'transaction.status_changed':
      return `Transaction ${shortId(event.transactionId)} ${event.status} on wallet ${walletLabel(state, event.walletId)} (${event.tier}).`;
    case 'transaction.notify':
      return `Sent without waiting (NOTIFY): ${event.type} from wallet ${walletLabel(state, event.walletId)}${event.policyReason ? ` — ${event.policyReason}` : ''}.`;
    case 'approval.requested':
      return `Approval requested: ${event.approval.summary}`;
    case 'approval.resolved':
      return `Approval for transaction ${shortId(event.transactionId)} ${event.status}.`;
    case 'session.created':
      return `Session ${shortId(event.sessionId)} created on wallet ${walletLabel(state, event.walletId)}.`;
    case 'session.revoked':
      return `Session ${shortId(event.sessionId)} revoked on wallet ${walletLabel(state, event.walletId)}.`;
    case 'kill_switch.changed':
      return `Kill switch ${event.state} by ${event.actor}${event.reason ? `: ${event.reason}` : ''}.`;
    case 'budget.changed':
      return null;
  }
}
