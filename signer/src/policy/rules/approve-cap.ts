import { WaiaasError } from '@waiaas/protocol';
import type { RuleEvaluator } from '../policy-context.js';
import { singleCalls } from '../single-calls.js';

/**
 * Each approval must stay within every cap that names its token or no token at all; a batch is
 * judged approval by approval, since a later approval replaces an allowance rather than adding to it.
 * Unlimited approvals never get here: the chain adapters refuse them.
 */
export const approveCap: RuleEvaluator<'APPROVE_CAP'> = (rules, ctx) => {
  for (const c of singleCalls(ctx.call)) {
    if (c.type !== 'APPROVE') continue;
    const amount = BigInt(c.amount);
    for (const { rule } of rules) {
      if (rule.token !== undefined && ctx.norm(rule.token) !== ctx.norm(c.token)) continue;
      if (amount > BigInt(rule.max)) throw new WaiaasError('POLICY__APPROVE_CAP_EXCEEDED', { token: c.token, max: rule.max, amount: c.amount });
    }
  }
  return null;
};
