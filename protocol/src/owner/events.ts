import { z } from 'zod';
import { Id, Timestamp } from '../common/ids.js';
import { Session } from '../admin/schemas.js';
import { KillSwitchStatus } from '../admin/schemas.js';
import { Approval, ApprovalStatus } from '../admin/owner-schemas.js';
import { Tier, Transaction, TransactionStatus } from '../agent/transaction-schemas.js';

export const TransactionStatusChanged = z.object({
  kind: z.literal('transaction.status_changed'),
  transactionId: Id,
  walletId: Id,
  status: TransactionStatus,
  tier: Tier,
});
/** A NOTIFY-tier request went ahead without waiting: the Owner is told, after the fact. */
export const NotifyNotice = z.object({
  kind: z.literal('transaction.notify'),
  transactionId: Id,
  walletId: Id,
  type: z.string(),
  policyReason: z.string().nullable(),
});
export const SessionCreated = z.object({ kind: z.literal('session.created'), sessionId: Id, walletId: Id });
export const SessionRevoked = z.object({ kind: z.literal('session.revoked'), sessionId: Id, walletId: Id });
export const KillSwitchChanged = z.object({
  kind: z.literal('kill_switch.changed'),
  state: z.enum(['ACTIVE', 'SUSPENDED', 'LOCKED']),
  actor: z.string(),
  reason: z.string().nullable(),
});

/** An APPROVAL-tier request waits for the Owner: what it does, why, and the messages that answer it. */
export const ApprovalRequested = z.object({ kind: z.literal('approval.requested'), approval: Approval });
/** Approved, rejected, expired or cancelled (by the agent, the kill switch or AutoStop). */
export const ApprovalResolved = z.object({
  kind: z.literal('approval.resolved'),
  approvalId: Id,
  transactionId: Id,
  status: ApprovalStatus,
});

/**
 * A wallet's (and session's) spending budget moved: an amount was reserved by a request, or released
 * or committed when it ended. The device re-reads what it shows; the event carries no amounts.
 */
export const BudgetChanged = z.object({
  kind: z.literal('budget.changed'),
  walletId: Id,
  sessionId: Id.nullable(),
  transactionId: Id,
  change: z.enum(['reserved', 'committed', 'released']),
});

/*
 * Kinds the signer publishes. Approval requested/resolved and budget changed join this list with
 * the approval workflow; a device must ignore a kind it does not know (a newer signer).
 */
export const OwnerEventBody = z.discriminatedUnion('kind', [
  TransactionStatusChanged,
  NotifyNotice,
  SessionCreated,
  SessionRevoked,
  KillSwitchChanged,
  ApprovalRequested,
  ApprovalResolved,
  BudgetChanged,
]);
export type OwnerEventBody = z.infer<typeof OwnerEventBody>;

/** Every event is persisted with a sequence number before it is sent, so a device can resume. */
export const OwnerEventFrame = z.object({
  type: z.literal('event'),
  seq: z.number().int().positive(),
  at: Timestamp,
  event: OwnerEventBody,
});
export type OwnerEventFrame = z.infer<typeof OwnerEventFrame>;

/** What a device that is too far behind gets instead of the events it missed. */
export const OwnerSnapshot = z.object({
  killSwitch: KillSwitchStatus,
  sessions: z.array(Session),
  /** DELAY-tier transactions still waiting out their cooldown (QUEUED): the ones the Owner can cancel. */
  delayedTransactions: z.array(Transaction),
  /** Approvals still waiting for an answer. */
  approvals: z.array(Approval),
});
export type OwnerSnapshot = z.infer<typeof OwnerSnapshot>;
