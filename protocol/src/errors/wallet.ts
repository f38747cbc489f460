import type { ErrorDefinitions } from './define.js';

/** Agent wallets and amounts. */
export const walletErrors = {
  WALLET__NOT_FOUND: {
    status: 404,
    message: (c: { wallet: string }) => `No wallet with id or name "${c.wallet}".`,
  },
  WALLET__NAME_TAKEN: {
    status: 409,
    message: (c: { name: string }) => `A wallet named "${c.name}" already exists.`,
  },
  AMOUNT__INVALID: {
    status: 400,
    message: (c: { input: string; reason: string }) => `Amount "${c.input}" is invalid: ${c.reason}.`,
  },
} satisfies ErrorDefinitions;
