import { type agent, type Chain, type Policy, WaiaasError } from '@waiaas/protocol';
import { encodeContractCall } from '../chain/evm/encode-contract-call.js';
import { NATIVE_ASSET } from './spend-of.js';

export type Tier = agent.Tier;
const ORDER: Tier[] = ['INSTANT', 'NOTIFY', 'DELAY', 'APPROVAL'];

export interface PolicyDecision {
  tier: Tier;
  /** Which rule and threshold decided, in words; stored and returned to the agent. */
  reason: string;
  /** DELAY: the cooldown in seconds. */
  delaySeconds: number;
}

type SpendingLimit = Extract<Policy['rule'], { type: 'SPENDING_LIMIT' }>;

/**
 * Sorts a request into a tier. Every rule that applies is evaluated and the strictest verdict
 * wins. Tokens and contracts that no allowlist names are refused; an asset moved with no spending
 * limit for it goes to the Owner (APPROVAL): no rule means ask the human, never "allow".
 */
export function evaluatePolicy(
  policies: readonly Policy[],
  call: agent.TransactionCall,
  chain: Chain,
  /** Per asset, what the request moves or (for approvals) lets someone else move. */
  exposure: Map<string, bigint>,
): PolicyDecision {
  const norm = (a: string) => (chain === 'evm' ? a.toLowerCase() : a);
  const rules = policies.map((p) => ({ scope: p.scope, rule: p.rule }));
  assertAllowed(rules, call, chain, norm);

  let decision: PolicyDecision = { tier: 'INSTANT', reason: 'nothing is spent', delaySeconds: 0 };
  for (const [asset, amount] of exposure) {
    const limits = rules.filter(
      (r): r is { scope: Policy['scope']; rule: SpendingLimit } => r.rule.type === 'SPENDING_LIMIT' && norm(r.rule.asset) === asset,
    );
    if (limits.length === 0) {
      decision = stricter(decision, { tier: 'APPROVAL', reason: `no spending limit is set for ${asset}`, delaySeconds: 900 });
      continue;
    }
    for (const { scope, rule } of limits) decision = stricter(decision, tierFor(scope, rule, asset, amount));
  }
  return decision;
}

function tierFor(scope: string, rule: SpendingLimit, asset: string, amount: bigint): PolicyDecision {
  const label = `${scope} SPENDING_LIMIT for ${asset}`;
  if (amount <= BigInt(rule.instantMax)) return { tier: 'INSTANT', reason: `${amount} ≤ instantMax ${rule.instantMax} (${label})`, delaySeconds: 0 };
  if (amount <= BigInt(rule.notifyMax)) return { tier: 'NOTIFY', reason: `${amount} ≤ notifyMax ${rule.notifyMax} (${label})`, delaySeconds: 0 };
  if (amount <= BigInt(rule.delayMax)) {
    return { tier: 'DELAY', reason: `${amount} ≤ delayMax ${rule.delayMax} (${label})`, delaySeconds: rule.delaySeconds };
  }
  return { tier: 'APPROVAL', reason: `${amount} > delayMax ${rule.delayMax} (${label})`, delaySeconds: rule.delaySeconds };
}

const stricter = (a: PolicyDecision, b: PolicyDecision): PolicyDecision => {
  const [x, y] = [ORDER.indexOf(a.tier), ORDER.indexOf(b.tier)];
  if (y > x) return b;
  // Same tier: the longer cooldown holds.
  return y === x && b.delaySeconds > a.delaySeconds ? b : a;
};

function assertAllowed(
  rules: readonly { rule: Policy['rule'] }[],
  call: agent.TransactionCall,
  chain: Chain,
  norm: (a: string) => string,
): void {
  const tokens = new Set(rules.flatMap((r) => (r.rule.type === 'ALLOWED_TOKENS' ? r.rule.tokens.map(norm) : [])));
  const contracts = rules.flatMap((r) => (r.rule.type === 'ALLOWED_CONTRACTS' ? r.rule.contracts : []));
  for (const c of call.type === 'BATCH' ? call.calls : [call]) {
    if ((c.type === 'TOKEN_TRANSFER' || c.type === 'APPROVE') && !tokens.has(norm(c.token))) {
      throw new WaiaasError('POLICY__TOKEN_NOT_ALLOWED', { token: c.token });
    }
    if (c.type === 'CONTRACT_CALL') {
      const selector = chain === 'evm' ? encodeContractCall(c).slice(0, 10).toLowerCase() : null;
      const allowed = contracts.some(
        (k) => norm(k.address) === norm(c.to) && (!k.selectors || (selector !== null && k.selectors.map((s) => s.toLowerCase()).includes(selector))),
      );
      if (!allowed) throw new WaiaasError('POLICY__CONTRACT_NOT_ALLOWED', { contract: c.to, selector });
    }
  }
}

/** With no Owner registered nobody could answer an APPROVAL, so it becomes a DELAY, on record. */
export function downgradeWithoutOwner(decision: PolicyDecision, ownerRegistered: boolean): PolicyDecision {
  if (decision.tier !== 'APPROVAL' || ownerRegistered) return decision;
  return {
    tier: 'DELAY',
    reason: `${decision.reason}; APPROVAL downgraded to DELAY: no Owner is registered`,
    delaySeconds: decision.delaySeconds || 900,
  };
}

export { NATIVE_ASSET };
