import { WaiaasError } from '@waiaas/protocol';
import type { RuleEvaluator } from '../policy-context.js';
import { singleCalls } from '../single-calls.js';

/** Token transfers and approvals are refused unless an allowlist names the token. Applies with no rule too. */
export const allowedTokens: RuleEvaluator<'ALLOWED_TOKENS'> = (rules, ctx) => {
  const tokens = new Set(rules.flatMap((r) => r.rule.tokens.map(ctx.norm)));
  for (const c of singleCalls(ctx.call)) {
    if ((c.type === 'TOKEN_TRANSFER' || c.type === 'APPROVE') && !tokens.has(ctx.norm(c.token))) {
      throw new WaiaasError('POLICY__TOKEN_NOT_ALLOWED', { token: c.token });
    }
  }
  return null;
};
