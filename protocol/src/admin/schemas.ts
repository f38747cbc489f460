import { z } from 'zod';
import { CosignSignature } from '../owner/cosign.js';
import { AmountString, Chain, Id, Timestamp } from '../common/ids.js';
import { AUDIT_BREAK_REASONS } from '../errors/audit.js';

export const AdminAuthRequest = z.strictObject({ password: z.string().min(1).max(1024) });
export const AdminAuthResponse = z.object({ token: z.string(), expiresAt: Timestamp });
export type AdminAuthResponse = z.infer<typeof AdminAuthResponse>;

/** Wallet names are labels an Owner types on the command line. */
export const WalletName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/i, 'use 1–63 letters, digits, ".", "_" or "-", starting with a letter or digit');

export const Wallet = z.object({
  id: Id,
  name: z.string(),
  chain: Chain,
  network: z.string(),
  address: z.string(),
  createdAt: Timestamp,
  /** Set while AutoStop holds the wallet: no transaction is accepted, signed or sent. */
  suspendedAt: Timestamp.nullable(),
  suspendedReason: z.string().nullable(),
});
export type Wallet = z.infer<typeof Wallet>;

export const CreateWalletRequest = z.strictObject({
  chain: Chain,
  name: WalletName.optional(),
  /** A network name from config (see `waiaas network list`); default: the family's public test network. */
  network: z.string().min(1).max(40).optional(),
});
export type CreateWalletRequest = z.infer<typeof CreateWalletRequest>;
export const CreateWalletResponse = z.object({ wallet: Wallet });
export const ListWalletsResponse = z.object({ wallets: z.array(Wallet) });

export const SessionLimits = z.object({ maxPerTx: AmountString.nullable(), maxTotal: AmountString.nullable() });

export const SessionStatus = z.enum(['active', 'expired', 'revoked']);
export const Session = z.object({
  id: Id,
  walletId: Id,
  walletName: z.string(),
  /** The wallet's chain, so an Owner's screen can name the unit of `spent` and the limits. */
  chain: Chain,
  status: SessionStatus,
  createdAt: Timestamp,
  expiresAt: Timestamp,
  absoluteExpiresAt: Timestamp,
  renewCount: z.number().int().nonnegative(),
  maxRenewals: z.number().int().nonnegative(),
  revokedAt: Timestamp.nullable(),
  limits: SessionLimits,
  /**
   * What the session has spent or reserved of the wallet's native asset, in the smallest unit: the
   * amount its limits (`maxTotal`) are checked against. Released reservations do not count.
   */
  spent: AmountString,
});
export type Session = z.infer<typeof Session>;

export const CreateSessionRequest = z.strictObject({
  /** Wallet id or name. */
  wallet: z.string().min(1).max(64),
  ttlSeconds: z.number().int().positive().optional(),
  maxPerTx: AmountString.optional(),
  maxTotal: AmountString.optional(),
});
export type CreateSessionRequest = z.infer<typeof CreateSessionRequest>;
export const CreateSessionResponse = z.object({
  session: Session,
  /** Shown once: the signer keeps only its hash. */
  token: z.string(),
});

export const ListSessionsQuery = z.strictObject({
  wallet: z.string().min(1).max(64).optional(),
  all: z.enum(['true', 'false']).optional(),
});
export const ListSessionsResponse = z.object({ sessions: z.array(Session) });

export { IdParams as SessionIdParams } from '../common/ids.js';
export const RevokeSessionResponse = z.object({ session: Session });

// The audit log: every entry is chained to the one before it with a keyed hash (HMAC-SHA256).

/** A chain hash: 64 lowercase hex characters. */
const AuditHash = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters');

export const AuditEntry = z.object({
  seq: z.number().int().positive(),
  at: Timestamp,
  actor: z.string(),
  action: z.string(),
  walletId: z.string().nullable(),
  /** The wallet's current name, when the entry names a wallet this signer knows. */
  walletName: z.string().nullable(),
  sessionId: z.string().nullable(),
  /** The JSON stored with the entry; the raw text if it no longer parses (an edited row). */
  details: z.unknown(),
  /** As stored, so an edited row shows as it is; null for entries from before the chain existed. */
  prevHash: z.string().nullable(),
  entryHash: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const ListAuditQuery = z
  .strictObject({
    /** Wallet id or name. */
    wallet: z.string().min(1).max(64).optional(),
    session: Id.optional(),
    action: z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'must look like "session.use"').optional(),
    since: Timestamp.optional(),
    until: Timestamp.optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
  })
  .refine((q) => q.since === undefined || q.until === undefined || Date.parse(q.since) <= Date.parse(q.until), {
    message: 'must not be after until',
    path: ['since'],
  });
export type ListAuditQuery = z.infer<typeof ListAuditQuery>;
/** Newest first. */
export const ListAuditResponse = z.object({ entries: z.array(AuditEntry) });

export const AuditBreakReason = z.enum(AUDIT_BREAK_REASONS);
export const AuditBreak = z.object({
  seq: z.number().int().positive(),
  reason: AuditBreakReason,
  afterSeq: z.number().int().positive().nullable(),
});
export type AuditBreak = z.infer<typeof AuditBreak>;

/** A point of the chain vouched for outside the database: the Owner signs one from the extension. */
export const AuditCheckpoint = z.object({ seq: z.number().int().positive(), entryHash: AuditHash });
export type AuditCheckpoint = z.infer<typeof AuditCheckpoint>;

/**
 * verified: the Owner's signature over it is valid and the log holds that entry with that hash.
 * forged: the signature does not verify. missing: the log no longer holds an entry at its seq.
 * diverged: the entry at its seq has another hash.
 */
export const AuditCheckpointStatus = z.enum(['verified', 'forged', 'missing', 'diverged']);
export const AuditCheckpointReport = AuditCheckpoint.extend({
  /** seq and hash as stored, so a forged row shows as it is. */
  seq: z.number().int(),
  entryHash: z.string(),
  /** How many entries the log had up to and including `seq`, as the Owner's message said. */
  entries: z.number().int(),
  /** Who signed it: the Owner at the time, who may have been replaced since. */
  owner: z.object({ chain: Chain, address: z.string() }),
  signedAt: Timestamp,
  status: AuditCheckpointStatus,
});
export type AuditCheckpointReport = z.infer<typeof AuditCheckpointReport>;

const AuditVerificationBase = {
  /** Chained entries whose link and MAC were checked and found intact. */
  verified: z.number().int().nonnegative(),
  /** Rows written before the chain existed (before the audit-chain migration): not covered. */
  legacy: z.number().int().nonnegative(),
  /** Seq of the first chained entry, null if there is none. */
  firstSeq: z.number().int().positive().nullable(),
  /** The last intact entry: what a checkpoint will sign. */
  head: AuditCheckpoint.nullable(),
  /** The latest valid checkpoint the walk was held to. Null without one: a cut-off tail goes unnoticed. */
  checkpoint: AuditCheckpoint.nullable(),
  /** Every Owner-signed checkpoint stored, oldest first, each checked on its own. */
  checkpoints: z.array(AuditCheckpointReport),
};
export const AuditVerifyResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), ...AuditVerificationBase }),
  z.object({ status: z.literal('broken'), ...AuditVerificationBase, break: AuditBreak }),
]);
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponse>;

/** ACTIVE: normal. SUSPENDED: engaged by the master or the Owner; everything stopped. */
export const KillSwitchState = z.enum(['ACTIVE', 'SUSPENDED', 'LOCKED']);
export const KillSwitchStatus = z.object({
  state: KillSwitchState,
  changedAt: Timestamp,
  actor: z.string(),
  reason: z.string().nullable(),
});
export type KillSwitchStatus = z.infer<typeof KillSwitchStatus>;
export const ActivateKillSwitchRequest = z.strictObject({ reason: z.string().max(500).optional() });
export const ActivateKillSwitchResponse = z.object({
  killSwitch: KillSwitchStatus,
  revokedSessions: z.number().int(),
  cancelledTransactions: z.number().int(),
});
export type ActivateKillSwitchResponse = z.infer<typeof ActivateKillSwitchResponse>;
export const RecoverKillSwitchResponse = z.object({ killSwitch: KillSwitchStatus });
/** The Owner's agreement to a recovery: required when an Owner is registered. */
export const RecoverKillSwitchRequest = z.strictObject({
  nonce: z.string().min(16).max(64),
  signature: CosignSignature,
}).partial().refine((r) => (r.nonce === undefined) === (r.signature === undefined), { message: 'nonce and signature go together' });
