import type { Chain } from '@waiaas/protocol';
import { formatUsd, parseUsd, usdValue } from '../../price/usd-value.js';
import type { PolicyContext, PolicyDecision, RuleEvaluator, ScopedRule } from '../policy-context.js';
import { stricter } from '../stricter.js';

/** Decimals of the native asset, for its USD value. */
const NATIVE_DECIMALS: Record<Chain, number> = { solana: 9, evm: 18 };

/**
 * Tiers by amount, per asset. An asset the request moves with no spending limit for it goes to the
 * Owner (APPROVAL): no rule means ask the human, never "allow". A limit with USD thresholds also
 * tiers the request's USD value, and the stricter of both wins.
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
    for (const limit of limits) {
      const usd = usdTierFor(limit, asset, amount, ctx);
      if (usd) consider(usd);
    }
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
  return { tier: 'APPROVAL', reason: `${amount} > delayMax ${rule.delayMax} (${label})`, delaySeconds: rule.delaySeconds, ...approvalExpiry(rule) };
}

/** The rule's own approval expiry, carried by the APPROVAL verdicts it gives (absent: the config default). */
function approvalExpiry(rule: ScopedRule<'SPENDING_LIMIT'>['rule']): { approvalSeconds?: number } {
  return rule.approvalSeconds === undefined ? {} : { approvalSeconds: rule.approvalSeconds };
}

/**
 * The USD tier, or null for a limit without USD thresholds. Without a fresh price (or decimals for
 * a token) the value is unknown, and an unknown value must not pass as small: it asks the Owner.
 */
function usdTierFor({ scope, rule }: ScopedRule<'SPENDING_LIMIT'>, asset: string, amount: bigint, ctx: PolicyContext): PolicyDecision | null {
  if (rule.usdInstantMax === undefined || rule.usdNotifyMax === undefined || rule.usdDelayMax === undefined) return null;
  const label = `${scope} SPENDING_LIMIT for ${asset}`;
  const price = ctx.prices?.get(asset);
  const priceUsd = price && parseUsd(price.usd);
  const decimals = rule.asset === 'native' ? NATIVE_DECIMALS[ctx.chain] : rule.decimals;
  if (priceUsd === undefined || decimals === undefined) {
    return { tier: 'APPROVAL', reason: `no fresh USD price for ${asset} (${label})`, delaySeconds: rule.delaySeconds, ...approvalExpiry(rule) };
  }
  const value = usdValue(amount, decimals, priceUsd);
  const shown = `$${formatUsd(value)} at $${price?.usd} (${price?.source})`;
  const [instant, notify, delay] = [rule.usdInstantMax, rule.usdNotifyMax, rule.usdDelayMax].map((t) => parseUsd(t) ?? 0n) as [bigint, bigint, bigint];
  if (value <= instant) return { tier: 'INSTANT', reason: `${shown} ≤ usdInstantMax ${rule.usdInstantMax} (${label})`, delaySeconds: 0 };
  if (value <= notify) return { tier: 'NOTIFY', reason: `${shown} ≤ usdNotifyMax ${rule.usdNotifyMax} (${label})`, delaySeconds: 0 };
  if (value <= delay) return { tier: 'DELAY', reason: `${shown} ≤ usdDelayMax ${rule.usdDelayMax} (${label})`, delaySeconds: rule.delaySeconds };
  return { tier: 'APPROVAL', reason: `${shown} > usdDelayMax ${rule.usdDelayMax} (${label})`, delaySeconds: rule.delaySeconds, ...approvalExpiry(rule) };
}
