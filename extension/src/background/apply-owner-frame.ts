import type { admin, owner } from '@waiaas/protocol';
import type { ActivityItem, CompanionState } from '../port/messages.js';
import { activityText } from './activity-text.js';

export const ACTIVITY_LIMIT = 50;

/** What an event asks of the sync beyond the state change: re-list what the event only names. */
export type FollowUp = 'sessions' | 'budget' | null;

type EventFrame = owner.OwnerEventFrame;

/** PENDING approvals only, oldest first (the order the Owner should answer them in). */
export function pendingApprovals(approvals: readonly admin.Approval[]): admin.Approval[] {
  return approvals.filter((a) => a.status === 'PENDING').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export function activeSessions(sessions: readonly admin.Session[]): admin.Session[] {
  return sessions.filter((s) => s.status === 'active');
}

/** A snapshot replaces everything it covers; the activity is kept (a snapshot has none). */
export function applySnapshot(state: CompanionState, snapshot: owner.OwnerSnapshot): CompanionState {
  return {
    ...state,
    approvals: pendingApprovals(snapshot.approvals),
    sessions: activeSessions(snapshot.sessions),
    delayed: snapshot.delayedTransactions.filter((t) => t.status === 'QUEUED'),
    killSwitch: snapshot.killSwitch,
  };
}

export function applyEvent(state: CompanionState, frame: EventFrame): { state: CompanionState; follow: FollowUp } {
  const { event } = frame;
  const next = withActivity(applyBody(state, frame), state, frame);
  switch (event.kind) {
    case 'session.created':
    case 'session.revoked':
      return { state: next, follow: 'sessions' };
    case 'budget.changed':
      return { state: next, follow: 'budget' };
    default:
      return { state: next, follow: null };
  }
}

function applyBody(state: CompanionState, { event, at }: EventFrame): CompanionState {
  switch (event.kind) {
    case 'approval.requested': {
      const others = state.approvals.filter((a) => a.id !== event.approval.id);
      return { ...state, approvals: pendingApprovals([...others, event.approval]) };
    }
    case 'approval.resolved':
      return { ...state, approvals: state.approvals.filter((a) => a.id !== event.approvalId) };
    case 'session.revoked':
      return { ...state, sessions: state.sessions.filter((s) => s.id !== event.sessionId) };
    case 'kill_switch.changed':
      return { ...state, killSwitch: { state: event.state, actor: event.actor, reason: event.reason, changedAt: at } };
    case 'transaction.status_changed':
      // A DELAY transaction leaves the cooldown list as soon as it is anything but QUEUED.
      return event.status === 'QUEUED' ? state : { ...state, delayed: state.delayed.filter((t) => t.id !== event.transactionId) };
    default:
      return state;
  }
}

/**
 * Adds the event's line to the activity, newest first, at most 50. Worded with the state before the
 * event, which still knows the wallet of a session the event removes.
 */
function withActivity(next: CompanionState, before: CompanionState, { seq, at, event }: EventFrame): CompanionState {
  const text = activityText(before, event);
  if (text === null || next.activity.some((item) => item.seq === seq)) return next;
  const item: ActivityItem = {
    seq,
    at,
    kind: event.kind,
    text,
    ...('transactionId' in event && { transactionId: event.transactionId }),
    ...(event.kind === 'approval.requested' && { transactionId: event.approval.transactionId }),
  };
  return { ...next, activity: [item, ...next.activity].slice(0, ACTIVITY_LIMIT) };
}
