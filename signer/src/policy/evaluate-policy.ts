import type { Policy } from '@waiaas/protocol';
import type { PolicyContext, PolicyDecision, RuleEvaluator, ScopedRule } from './policy-context.js';
import { allowedContracts } from './rules/allowed-contracts.js';
import { allowedTokens } from './rules/allowed-tokens.js';
import { approveCap } from './rules/approve-cap.js';
import { recipientAllowlist } from './rules/recipient-allowlist.js';
import { rateLimit } from './rules/rate-limit.js';
import { rollingLimit } from './rules/rolling-limit.js';
import { spendingLimit } from './rules/spending-limit.js';
import { timeWindow } from './rules/time-window.js';
import { stricter } from './stricter.js';

export type { PolicyDecision } from './policy-context.js';

type RuleType = Policy['rule']['type'];

/**
 * Every rule type the API accepts has an evaluator here, and every evaluator runs on every
 * request — also when no rule of its type exists, since "no rule" has a meaning too (unknown
 * tokens refused, unlimited spending asks the Owner). The compiler refuses a rule type without one.
 */
const EVALUATORS: { [T in RuleType]: RuleEvaluator<T> } = {
  ALLOWED_TOKENS: allowedTokens,
  ALLOWED_CONTRACTS: allowedContracts,
  RECIPIENT_ALLOWLIST: recipientAllowlist,
  TIME_WINDOW: timeWindow,
  APPROVE_CAP: approveCap,
  SPENDING_LIMIT: spendingLimit,
  ROLLING_LIMIT: rollingLimit,
  RATE_LIMIT: rateLimit,
  // Judges off-chain signing requests only (signing/authorize-signing.ts): a transaction is never a
  // signing request, so for transactions this type has, honestly, no opinion.
  ALLOWED_SIGNING: () => null,
};

/** Sorts a request into a tier: the strictest verdict of all rules wins; a refusal throws. */
export function evaluatePolicy(policies: readonly Policy[], ctx: PolicyContext): PolicyDecision {
  let decision: PolicyDecision | null = null;
  for (const type of Object.keys(EVALUATORS) as RuleType[]) {
    const verdict = runEvaluator(type, policies, ctx);
    if (verdict) decision = decision ? stricter(decision, verdict) : verdict;
  }
  return decision ?? { tier: 'INSTANT', reason: 'nothing is spent', delaySeconds: 0 };
}

function runEvaluator<T extends RuleType>(type: T, policies: readonly Policy[], ctx: PolicyContext): PolicyDecision | null {
  const rules = policies
    .filter((p) => p.rule.type === type)
    .map((p) => ({ scope: p.scope, rule: p.rule }) as ScopedRule<T>);
  return (EVALUATORS[type] as RuleEvaluator<T>)(rules, ctx);
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
