import type { ErrorDefinitions } from './define.js';

/** Agent wallets and amounts. */
export const walletErrors = {
  WALLET__NOT_FOUND: {
    status: 404,
    message: (c: { wallet: string }) => `No wallet with id or name "${c.wallet}".`,
  },
  WALLET__SUSPENDED: {
    status: 503,
    message: (c: { wallet: string; reason: string; since: string }) =>
      `Wallet ${c.wallet} was stopped by AutoStop at ${c.since} (${c.reason}); the Owner can resume it with "waiaas wallet resume".`,
  },
  WALLET__NOT_SUSPENDED: {
    status: 409,
    message: (c: { wallet: string }) => `Wallet ${c.wallet} is not suspended.`,
  },
  WALLET__NAME_TAKEN: {
    status: 409,
    message: (c: { name: string }) => `A wallet named "${c.name}" already exists.`,
  },
  TRANSACTION__NOT_FOUND: {
    status: 404,
    message: (c: { transactionId: string }) => `No transaction ${c.transactionId} for this session's wallet.`,
  },
  TRANSACTION__NOT_CANCELLABLE: {
    status: 409,
    message: (c: { transactionId: string; status: string }) =>
      `Transaction ${c.transactionId} is ${c.status}; only a transaction still waiting (PENDING, QUEUED, AWAITING_APPROVAL) can be cancelled.`,
  },
  TRANSACTION__IDEMPOTENCY_CONFLICT: {
    status: 409,
    message: (c: { idempotencyKey: string }) =>
      `Idempotency key "${c.idempotencyKey}" was already used for a different request.`,
  },
  NETWORK__NOT_FOUND: {
    status: 400,
    message: (c: { network: string }) => `No network "${c.network}"; see "waiaas network list".`,
  },
  NETWORK__WRONG_FAMILY: {
    status: 400,
    message: (c: { network: string; family: string; chain: string }) =>
      `Network "${c.network}" is ${c.family}; a ${c.chain} wallet cannot live there.`,
  },
  AMOUNT__INVALID: {
    status: 400,
    message: (c: { input: string; reason: string }) => `Amount "${c.input}" is invalid: ${c.reason}.`,
  },
} satisfies ErrorDefinitions;
