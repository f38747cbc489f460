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
  POLICY__ROLLING_LIMIT_EXCEEDED: {
    status: 403,
    message: (c: { asset: string; window: string; max: string; used: string; amount: string; scope?: 'session' }) =>
      `This ${c.scope ?? 'wallet'} may move at most ${c.max} of ${c.asset} per ${c.window} and has ${c.used} spent or reserved in that window, so ${remaining(c.max, c.used)} remains; the request for ${c.amount} would exceed it.`,
  },
  POLICY__RATE_LIMITED: {
    status: 429,
    message: (c: { maxRequests: number; windowSeconds: number; retryAfterSeconds?: number; scope?: 'session' }) =>
      `This ${c.scope ?? 'wallet'} may make at most ${c.maxRequests} request${c.maxRequests === 1 ? '' : 's'} per ${c.windowSeconds} s and has made them${c.retryAfterSeconds === undefined ? '' : `; retry in ${c.retryAfterSeconds} s`}.`,
  },
  POLICY__RECIPIENT_NOT_ALLOWED: {
    status: 403,
    message: (c: { recipient: string }) =>
      `Recipient ${c.recipient} is not on this wallet's recipient allowlist; the Owner can add it with "waiaas policy set recipient-allowlist".`,
  },
  POLICY__OUTSIDE_TIME_WINDOW: {
    status: 403,
    message: (c: { timeZone: string; allowed: string }) =>
      `This wallet may be used only ${c.allowed} (${c.timeZone}); the Owner can change it with "waiaas policy set time-window".`,
  },
  POLICY__APPROVE_CAP_EXCEEDED: {
    status: 403,
    message: (c: { token: string; max: string; amount: string }) =>
      `Approvals of ${c.token} are capped at ${c.max}; the request approves ${c.amount}. The Owner can change it with "waiaas policy set approve-cap".`,
  },
  POLICY__USD_ROLLING_LIMIT_EXCEEDED: {
    status: 403,
    message: (c: { scope: 'global' | 'wallet' | 'session'; window: string; usdMax: string; usdUsed: string; usdAmount: string }) =>
      `${USD_LIMIT_HOLDER[c.scope]} may move at most $${c.usdMax} per ${c.window} and ${c.scope === 'global' ? 'have' : 'has'} $${c.usdUsed} spent or reserved in that window; the request, worth $${c.usdAmount}, would exceed it.`,
  },
  POLICY__SESSION_INACTIVE: {
    status: 409,
    message: (c: { sessionId: string; status: 'expired' | 'revoked' }) =>
      `Session ${c.sessionId} is ${c.status}: a rule for it would never apply. Create a new session and set the rule for it.`,
  },
  POLICY__NOT_FOUND: {
    status: 404,
    message: (c: { policyId: string }) => `No policy ${c.policyId}.`,
  },
} satisfies ErrorDefinitions;

/** Who a USD rolling limit binds: a global one binds all wallets together. */
const USD_LIMIT_HOLDER = { global: 'All wallets together', wallet: 'This wallet', session: 'This session' } as const;

/** What a rolling limit leaves, never below zero (a lowered cap can sit under what is already used). */
function remaining(max: string, used: string): string {
  const left = BigInt(max) - BigInt(used);
  return (left > 0n ? left : 0n).toString();
}
