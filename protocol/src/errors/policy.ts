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
  POLICY__TOKEN_NOT_ALLOWED: {
    status: 403,
    message: (c: { token: string }) =>
      `Token ${c.token} is not on this wallet's allowlist; the Owner can add it with "waiaas policy set allowed-tokens".`,
  },
  POLICY__CONTRACT_NOT_ALLOWED: {
    status: 403,
    message: (c: { contract: string; selector: string | null }) =>
      `Calls to ${c.contract}${c.selector ? ` (method ${c.selector})` : ''} are not on this wallet's allowlist; the Owner can add it with "waiaas policy set allowed-contracts".`,
  },
  POLICY__NOT_FOUND: {
    status: 404,
    message: (c: { policyId: string }) => `No policy ${c.policyId}.`,
  },
} satisfies ErrorDefinitions;
