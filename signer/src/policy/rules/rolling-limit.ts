import { WaiaasError } from '@waiaas/protocol';
import type { RuleEvaluator } from '../policy-context.js';
import { spendOf } from '../spend-of.js';

const WINDOW_MS = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 } as const;

/**
 * Refuses a request that would take a wallet past its cap for an asset over a rolling window:
 * committed plus reserved in the window, plus what this request moves. Refused, not escalated: a
 * DELAY would let it through by itself once the cooldown ends. A global rule caps each wallet
 * separately (the history is the wallet's own). Approvals are not counted: they move nothing now
 * and are never reserved, so counting them would charge a budget that is never paid back; the
 * amount checked is exactly the amount reserved. The history is read inside the transaction that
 * stores the reservation, so concurrent requests cannot both take the last of the budget.
 */
export const rollingLimit: RuleEvaluator<'ROLLING_LIMIT'> = (rules, ctx) => {
  const moved = spendOf(ctx.call, ctx.chain);
  for (const { rule } of rules) {
    const asset = ctx.norm(rule.asset);
    const amount = moved.get(asset) ?? 0n;
    if (amount === 0n) continue;
    const used = ctx.history.walletSpentSince(asset, ctx.now - WINDOW_MS[rule.window]);
    if (used + amount > BigInt(rule.max)) {
      throw new WaiaasError('POLICY__ROLLING_LIMIT_EXCEEDED', {
        asset,
        window: rule.window,
        max: rule.max,
        used: used.toString(),
        amount: amount.toString(),
      });
    }
  }
  return null;
};
