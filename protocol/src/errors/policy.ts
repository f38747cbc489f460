import type { ErrorDefinitions } from './define.js';

/** Refusals by policy. Contexts carry limits and amounts in the asset's smallest unit, as strings. */
export const policyErrors = {
  POLICY__SESSION_PER_TX_LIMIT: {
    status: 403,
    message: (c: { asset: string; amount: string; limit: string }) =>
      `This session may spend at most ${c.limit} of ${c.asset} per transaction; the request spends ${c.amount}.`,
  },
  POLICY__SESSION_TOTAL_LIMIT: {
    status: 403,
    message: (c: { asset: string; amount: string; limit: string; used: string }) =>
      `This session may spend ${c.limit} of ${c.asset} in total and has ${c.used} spent or reserved; the request for ${c.amount} would exceed it.`,
  },
} satisfies ErrorDefinitions;
