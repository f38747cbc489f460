import { WaiaasError } from '@waiaas/protocol';
import type { RuleEvaluator } from '../policy-context.js';

/**
 * Refuses a wallet's request once it has made `maxRequests` in the last `windowSeconds` (stored
 * requests of all its sessions; cancelled and refused ones do not count). A global rule limits each
 * wallet separately. No retry time is given: the history counts requests but does not say when the
 * oldest one in the window leaves it.
 */
export const rateLimit: RuleEvaluator<'RATE_LIMIT'> = (rules, ctx) => {
  for (const { rule } of rules) {
    if (ctx.history.walletRequestsSince(ctx.now - rule.windowSeconds * 1000) >= rule.maxRequests) {
      throw new WaiaasError('POLICY__RATE_LIMITED', { maxRequests: rule.maxRequests, windowSeconds: rule.windowSeconds });
    }
  }
  return null;
};
