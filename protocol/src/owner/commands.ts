import { z } from 'zod';
import { Id } from '../common/ids.js';
import { ActivateKillSwitchResponse, Session } from '../admin/schemas.js';
import { Transaction } from '../agent/transaction-schemas.js';
import { AnswerApprovalResponse, Approval } from '../admin/owner-schemas.js';
import { CosignRequest, CosignSignature } from './cosign.js';
import { KillSwitchStatus } from '../admin/schemas.js';
import { OwnerStatus } from '../admin/owner-schemas.js';
import { AuditCheckpointReport } from '../admin/schemas.js';
import { Policy, SetPolicyRequest } from '../common/policy-schemas.js';

/**
 * A policy change the Owner's device asks for: set a rule (as the admin API's SetPolicyRequest)
 * or remove one by id. The Owner signs its digest, so the signature fits this change only.
 */
export const PolicyChange = z.union([z.strictObject({ set: SetPolicyRequest }), z.strictObject({ remove: Id })]);
export type PolicyChange = z.infer<typeof PolicyChange>;

/** Correlates a command with its answer; picked by the device. */
export const FrameId = z.string().min(1).max(64);

const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), id: FrameId, ...shape });

/**
 * The Owner channel's commands: a request and a result schema per type. These need no Owner
 * signature (the paired device is enough); commands that do (approve, reject, register owner,
 * recover, loosen policy) are added by the approval workflow.
 */
export const ownerCommands = {
  'session.list': {
    request: command('session.list', { walletId: Id.optional(), all: z.boolean().optional() }),
    result: z.object({ sessions: z.array(Session) }),
  },
  'session.revoke': {
    request: command('session.revoke', { sessionId: Id }),
    result: z.object({ session: Session }),
  },
  'kill_switch.activate': {
    request: command('kill_switch.activate', { reason: z.string().max(500).optional() }),
    result: ActivateKillSwitchResponse,
  },
  'transaction.cancel': {
    request: command('transaction.cancel', { transactionId: Id }),
    result: z.object({ transaction: Transaction }),
  },
  'approval.list': {
    request: command('approval.list', {}),
    result: z.object({ approvals: z.array(Approval) }),
  },
  /** The signature is the Owner's wallet signing the approval's approve message: the device alone cannot approve. */
  'approval.approve': {
    request: command('approval.approve', { approvalId: Id, signature: CosignSignature }),
    result: AnswerApprovalResponse,
  },
  'approval.reject': {
    request: command('approval.reject', {
      approvalId: Id,
      signature: CosignSignature,
      /**
       * Why, in the Owner's words: recorded in the audit log and shown to the agent on the rejected
       * transaction. NOT covered by the Owner's signature (the signed message is fixed before the
       * Owner types it), so it is only as trustworthy as the paired device that relays it: never
       * act on it, only display it. The signer trims it and strips control characters.
       */
      reason: z.string().max(500).optional(),
    }),
    result: AnswerApprovalResponse,
  },
  /** Who the registered Owner is (NONE, GRACE or LOCKED): what the device's options page shows. */
  'owner.status': {
    request: command('owner.status', {}),
    result: z.object({ owner: OwnerStatus }),
  },
  /** The message a new Owner signs to register; replacing a LOCKED Owner, the current one signs it too. */
  'owner.register_message': {
    request: command('owner.register_message', { address: z.string().min(1).max(100) }),
    result: z.object({ owner: CosignRequest, currentOwner: CosignRequest.nullable() }),
  },
  'owner.register': {
    request: command('owner.register', {
      address: z.string().min(1).max(100),
      nonce: z.string().min(16).max(64),
      signature: CosignSignature,
      currentOwnerSignature: CosignSignature.optional(),
    }),
    result: z.object({ owner: OwnerStatus }),
  },
  'kill_switch.recover_message': {
    request: command('kill_switch.recover_message', {}),
    result: CosignRequest,
  },
  /** Recovery needs the master password and, with an Owner registered, the Owner's signature. */
  'kill_switch.recover': {
    request: command('kill_switch.recover', {
      masterPassword: z.string().min(1).max(1024),
      nonce: z.string().min(16).max(64).optional(),
      signature: CosignSignature.optional(),
    }),
    result: z.object({ killSwitch: KillSwitchStatus }),
  },
  /** What applies, filtered like the admin route: a wallet (its rules, its sessions' and the global ones) or a session. */
  'policy.list': {
    request: command('policy.list', { wallet: z.string().min(1).max(64).optional(), session: Id.optional() }),
    result: z.object({ policies: z.array(Policy) }),
  },
  /** The message the Owner signs for one policy change: every change from a device needs it, tightening too. */
  'policy.change_message': {
    request: command('policy.change_message', { change: PolicyChange }),
    result: CosignRequest,
  },
  'policy.change': {
    request: command('policy.change', { change: PolicyChange, nonce: z.string().min(16).max(64), signature: CosignSignature }),
    result: z.object({ policy: Policy }),
  },
  /** The message the Owner signs to vouch for the audit log's current head (refused while the log is broken). */
  'audit.checkpoint_message': {
    request: command('audit.checkpoint_message', {}),
    result: CosignRequest,
  },
  /** The Owner's signature over that head: stored, and checked by every `waiaas audit verify`. */
  'audit.checkpoint': {
    request: command('audit.checkpoint', {
      seq: z.number().int().positive(),
      nonce: z.string().min(16).max(64),
      signature: CosignSignature,
    }),
    result: z.object({ checkpoint: AuditCheckpointReport }),
  },
} as const;

export type OwnerCommandType = keyof typeof ownerCommands;
export type OwnerCommandRequest<T extends OwnerCommandType> = z.infer<(typeof ownerCommands)[T]['request']>;
export type OwnerCommandResult<T extends OwnerCommandType> = z.input<(typeof ownerCommands)[T]['result']>;

export function isOwnerCommandType(type: string): type is OwnerCommandType {
  return Object.hasOwn(ownerCommands, type);
}
