import { z } from 'zod';
import { Chain, Id, Timestamp } from '../common/ids.js';

export const HealthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  agentApiVersion: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

export const WalletAddressResponse = z.object({
  walletId: Id,
  name: z.string(),
  chain: Chain,
  network: z.string(),
  address: z.string(),
});
export type WalletAddressResponse = z.infer<typeof WalletAddressResponse>;

export { IdParams as SessionIdParams } from '../common/ids.js';

export const SessionRenewResponse = z.object({
  sessionId: Id,
  /** The new bearer token; the one used for this request stops working at once. */
  token: z.string(),
  expiresAt: Timestamp,
  renewCount: z.number().int().nonnegative(),
  absoluteExpiresAt: Timestamp,
});
export type SessionRenewResponse = z.infer<typeof SessionRenewResponse>;

/** The OpenAPI document itself is free-form JSON. */
export const OpenApiDocument = z.record(z.string(), z.unknown());
