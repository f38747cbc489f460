import { z } from 'zod';
import { Chain, Id } from '../common/ids.js';
import { CosignRequest, CosignSignature } from '../owner/cosign.js';

export const OwnerState = z.enum(['NONE', 'GRACE', 'LOCKED']);
export const OwnerStatus = z.object({
  state: OwnerState,
  chain: z.enum(['solana', 'evm']).nullable(),
  address: z.string().nullable(),
  setAt: z.string().nullable(),
  lockedAt: z.string().nullable(),
});
export type OwnerStatus = z.infer<typeof OwnerStatus>;

export const SetOwnerRequest = z.strictObject({ address: z.string().min(1).max(100) });

export const ApprovalStatus = z.enum(['PENDING', 'APPROVED', 'REJECTED', 'EXPIRED', 'CANCELLED']);

/** An APPROVAL-tier transaction as the Owner reviews it, with the two messages that answer it. */
export const Approval = z.object({
  id: Id,
  transactionId: Id,
  walletId: Id,
  walletName: z.string(),
  /** The wallet's chain: the unit of the session budget's native amounts. */
  chain: Chain,
  /** The session whose agent made the request; null for one made without a session. */
  sessionId: Id.nullable(),
  network: z.string(),
  type: z.string(),
  status: ApprovalStatus,
  summary: z.string(),
  amount: z.string(),
  recipient: z.string(),
  /**
   * The name the wallet's applicable RECIPIENT_ALLOWLIST rules give the recipient (of a batch: the
   * one name all its recipients share), or null. For display only: the Owner named it, not the agent.
   */
  recipientLabel: z.string().nullable(),
  /**
   * Whether the applicable rules already know the recipient (allowlisted, labelled, or an allowed
   * contract of a contract call); of a batch, every recipient. False: show a "new recipient" warning.
   */
  recipientKnown: z.boolean(),
  policyReason: z.string().nullable(),
  justification: z.string().nullable(),
  contentDigest: z.string(),
  /** What the request moves in USD at accept time ("12.34", rounded up), or null when a price is unknown. */
  usdValue: z.string().nullable(),
  /** The chain's prediction of the effect, from a dry run when the approval was opened. */
  simulation: z
    .object({
      ok: z.boolean(),
      fee: z.string(),
      balanceChanges: z.array(z.object({ asset: z.string(), delta: z.string() })),
      error: z.string().nullable(),
    })
    .nullable(),
  /** The requesting session's native budget, in the smallest unit, with this request reserved. */
  sessionBudget: z.object({ maxTotal: z.string().nullable(), used: z.string(), remaining: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  /** Present while the approval can still be answered. */
  cosign: z.object({ approve: CosignRequest, reject: CosignRequest }).nullable(),
});
export type Approval = z.infer<typeof Approval>;

export const ListApprovalsResponse = z.object({ approvals: z.array(Approval) });
export const AnswerApprovalRequest = z.strictObject({ signature: CosignSignature });
export const AnswerApprovalResponse = z.object({
  approvalId: Id,
  transactionId: Id,
  status: z.enum(['APPROVED', 'REJECTED']),
});
