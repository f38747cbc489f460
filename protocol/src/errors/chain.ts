import type { ErrorDefinitions } from './define.js';

/**
 * Chain adapters. `retryable` in a context is never a secret; it tells the pipeline whether the
 * failure is transient (retry with backoff), stale (rebuild) or permanent (fail the transaction).
 */
export const chainErrors = {
  CHAIN__INVALID_ADDRESS: {
    status: 400,
    message: (c: { address: string; chain: string }) => `"${c.address}" is not a valid ${c.chain} address.`,
  },
  CHAIN__INSUFFICIENT_FUNDS: {
    status: 400,
    message: (c: { address: string; asset: string; needed: string; available: string }) =>
      `${c.address} holds ${c.available} of ${c.asset} (smallest unit) but needs ${c.needed}.`,
  },
  CHAIN__UNKNOWN_TOKEN: {
    status: 400,
    message: (c: { token: string; network: string }) => `Token ${c.token} does not exist on ${c.network}.`,
  },
  CHAIN__INVALID_CALL: {
    status: 400,
    message: (c: { reason: string }) => `The contract call is invalid: ${c.reason}.`,
  },
  CHAIN__UNSUPPORTED: {
    status: 400,
    message: (c: { chain: string; feature: string }) => `${c.feature} is not supported on ${c.chain}.`,
  },
  CHAIN__SIMULATION_FAILED: {
    status: 400,
    message: (c: { reason: string }) => `The transaction would fail on chain: ${c.reason}.`,
  },
  CHAIN__RPC_UNAVAILABLE: {
    status: 503,
    message: (c: { network: string; reason: string }) => `The ${c.network} RPC node is unavailable: ${c.reason}.`,
  },
  CHAIN__BLOCKHASH_EXPIRED: {
    status: 409,
    message: (c: { network: string }) => `The transaction's blockhash expired on ${c.network} before it landed.`,
  },
  CHAIN__NONCE_TOO_LOW: {
    status: 409,
    message: (c: { address: string; nonce: number }) => `Nonce ${c.nonce} of ${c.address} is already used.`,
  },
  CHAIN__TRANSACTION_FAILED: {
    status: 400,
    message: (c: { hash: string; reason: string }) => `Transaction ${c.hash} failed on chain: ${c.reason}.`,
  },
} satisfies ErrorDefinitions;
