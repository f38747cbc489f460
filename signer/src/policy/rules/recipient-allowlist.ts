import { type agent, WaiaasError } from '@waiaas/protocol';
import type { RuleEvaluator } from '../policy-context.js';
import { singleCalls } from '../single-calls.js';

/**
 * Once any RECIPIENT_ALLOWLIST applies (global or the wallet's), every recipient of the request must
 * be on one of the lists; without one this rule has no opinion. A CONTRACT_CALL has no decoded
 * recipient here: which contracts may be called is ALLOWED_CONTRACTS' business.
 */
export const recipientAllowlist: RuleEvaluator<'RECIPIENT_ALLOWLIST'> = (rules, ctx) => {
  if (rules.length === 0) return null;
  const allowed = new Set(rules.flatMap((r) => r.rule.addresses.map(ctx.norm)));
  for (const c of singleCalls(ctx.call)) {
    const recipient = recipientOf(c);
    if (recipient !== null && !allowed.has(ctx.norm(recipient))) throw new WaiaasError('POLICY__RECIPIENT_NOT_ALLOWED', { recipient });
  }
  return null;
};

/** Who ends up able to move the value: the payee, the token transfer's recipient (never the token), the spender. */
function recipientOf(c: agent.BatchableCall): string | null {
  switch (c.type) {
    case 'TRANSFER':
    case 'TOKEN_TRANSFER':
      return c.to;
    case 'APPROVE':
      return c.spender;
    case 'CONTRACT_CALL':
      return null;
  }
}
