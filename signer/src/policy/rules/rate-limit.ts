import { WaiaasError } from '@waiaas/protocol';
import type { RuleEvaluator } from '../policy-context.js';

/**
 * Refuses a wallet's request once it has made `maxRequests` in the last `windowSeconds` (stored
 * requests of all its sessions; cancelled and refused ones do not count). A global rule limits each
 * wallet separately; a session rule counts only that session's requests. No retry time is given:
 * the history counts requests but does not say when the oldest one in the window leaves it.
 */
export const rateLimit: RuleEvaluator<'RATE_LIMIT'> = (rules, ctx) => {
  for (const { scope, rule } of rules) {
    const since = ctx.now - rule.windowSeconds * 1000;
    const made = scope === 'session' ? ctx.history.sessionRequestsSince(since) : ctx.history.walletRequestsSince(since);
    if (made >= rule.maxRequests) {
      throw new WaiaasError('POLICY__RATE_LIMITED', {
        maxRequests: rule.maxRequests,
        windowSeconds: rule.windowSeconds,
        ...(scope === 'session' ? { scope } : {}),
      });
    }
  }
  return null;
};
