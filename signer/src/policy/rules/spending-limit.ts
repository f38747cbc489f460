import type { PolicyDecision, RuleEvaluator, ScopedRule } from '../policy-context.js';
import { stricter } from '../stricter.js';

/**
 * Tiers by amount, per asset. An asset the request moves with no spending limit for it goes to the
 * Owner (APPROVAL): no rule means ask the human, never "allow".
 */
export const spendingLimit: RuleEvaluator<'SPENDING_LIMIT'> = (rules, ctx) => {
  let decision: PolicyDecision | null = null;
  const consider = (verdict: PolicyDecision) => {
    decision = decision ? stricter(decision, verdict) : verdict;
  };
  for (const [asset, amount] of ctx.exposure) {
    const limits = rules.filter((r) => ctx.norm(r.rule.asset) === asset);
    if (limits.length === 0) consider({ tier: 'APPROVAL', reason: `no spending limit is set for ${asset}`, delaySeconds: 900 });
    for (const limit of limits) consider(tierFor(limit, asset, amount));
  }
  return decision;
};

function tierFor({ scope, rule }: ScopedRule<'SPENDING_LIMIT'>, asset: string, amount: bigint): PolicyDecision {
  const label = `${scope} SPENDING_LIMIT for ${asset}`;
  if (amount <= BigInt(rule.instantMax)) return { tier: 'INSTANT', reason: `${amount} ≤ instantMax ${rule.instantMax} (${label})`, delaySeconds: 0 };
  if (amount <= BigInt(rule.notifyMax)) return { tier: 'NOTIFY', reason: `${amount} ≤ notifyMax ${rule.notifyMax} (${label})`, delaySeconds: 0 };
  if (amount <= BigInt(rule.delayMax)) {
    return { tier: 'DELAY', reason: `${amount} ≤ delayMax ${rule.delayMax} (${label})`, delaySeconds: rule.delaySeconds };
  }
  return { tier: 'APPROVAL', reason: `${amount} > delayMax ${rule.delayMax} (${label})`, delaySeconds: rule.delaySeconds };
}
