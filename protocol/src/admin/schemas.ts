import { z } from 'zod';
import { AmountString, Chain, Id, Timestamp } from '../common/ids.js';

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
  status: SessionStatus,
  createdAt: Timestamp,
  expiresAt: Timestamp,
  absoluteExpiresAt: Timestamp,
  renewCount: z.number().int().nonnegative(),
  maxRenewals: z.number().int().nonnegative(),
  revokedAt: Timestamp.nullable(),
  limits: SessionLimits,
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
