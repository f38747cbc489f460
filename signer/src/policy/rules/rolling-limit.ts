import { WaiaasError } from '@waiaas/protocol';
import { formatUsd, parseUsd } from '../../price/usd-value.js';
import type { PolicyContext, PolicyDecision, RuleEvaluator, ScopedRule } from '../policy-context.js';
import { spendOf } from '../spend-of.js';
import { stricter } from '../stricter.js';

const WINDOW_MS = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 } as const;

/** The cooldown when an unknown USD value sends a request to the Owner (or, with none, to DELAY). */
const UNKNOWN_USD_DELAY_SECONDS = 900;

type Rule = ScopedRule<'ROLLING_LIMIT'>;

/**
 * Refuses a request that would take a scope past its cap over a rolling window: committed plus
 * reserved in the window, plus what this request moves. Refused, not escalated: a DELAY would let
 * it through by itself once the cooldown ends. An asset rule caps a wallet (a global one each
 * wallet separately) or, in session scope, that session; a USD rule caps the USD value moved by
 * its scope, where global means all wallets together. Approvals are not counted: they move nothing
 * now and are never reserved, so counting them would charge a budget that is never paid back; the
 * amount checked is exactly the amount reserved. The history is read inside the transaction that
 * stores the reservation, so concurrent requests cannot both take the last of the budget.
 */
export const rollingLimit: RuleEvaluator<'ROLLING_LIMIT'> = (rules, ctx) => {
  const moved = spendOf(ctx.call, ctx.chain);
  let decision: PolicyDecision | null = null;
  for (const scoped of rules) {
    const verdict = scoped.rule.usdMax === undefined ? assetLimit(scoped, moved, ctx) : usdLimit(scoped, scoped.rule.usdMax, moved, ctx);
    if (verdict) decision = decision ? stricter(decision, verdict) : verdict;
  }
  return decision;
};

function assetLimit({ scope, rule }: Rule, moved: Map<string, bigint>, ctx: PolicyContext): null {
  const asset = ctx.norm(rule.asset);
  const amount = moved.get(asset) ?? 0n;
  if (amount === 0n || rule.max === undefined) return null;
  const since = ctx.now - WINDOW_MS[rule.window];
  const used = scope === 'session' ? ctx.history.sessionSpentSince(asset, since) : ctx.history.walletSpentSince(asset, since);
  if (used + amount > BigInt(rule.max)) {
    throw new WaiaasError('POLICY__ROLLING_LIMIT_EXCEEDED', {
      asset,
      window: rule.window,
      max: rule.max,
      used: used.toString(),
      amount: amount.toString(),
      ...(scope === 'session' ? { scope } : {}),
    });
  }
  return null;
}

/**
 * A USD cap. A request whose USD value is unknown (no fresh price, or a token without declared
 * decimals) cannot be weighed against it, and an unknown value must not pass as small: it goes
 * to the Owner (APPROVAL), never through.
 */
function usdLimit({ scope, rule }: Rule, usdMax: string, moved: Map<string, bigint>, ctx: PolicyContext): PolicyDecision | null {
  if ([...moved.values()].every((amount) => amount === 0n)) return null;
  const label = `${scope} ROLLING_LIMIT of $${usdMax} per ${rule.window}`;
  const value = ctx.usdMoved?.total;
  if (value === undefined) {
    const assets = ctx.usdMoved?.unknown.join(', ') || [...moved.keys()].join(', ');
    return { tier: 'APPROVAL', reason: `no USD value for ${assets}: no fresh price (${label})`, delaySeconds: UNKNOWN_USD_DELAY_SECONDS };
  }
  const used = ctx.history.usdSpentSince(scope, ctx.now - WINDOW_MS[rule.window]);
  if (used + value > (parseUsd(usdMax) ?? 0n)) {
    throw new WaiaasError('POLICY__USD_ROLLING_LIMIT_EXCEEDED', {
      scope,
      window: rule.window,
      usdMax,
      usdUsed: formatUsd(used),
      usdAmount: formatUsd(value),
    });
  }
  return null;
}
