import { type Policy, type PolicyType, WaiaasError } from '@waiaas/protocol';
import type { ScopedRule } from '../policy/policy-context.js';
import { assertSigningAllowed, type SigningSubject } from '../policy/rules/allowed-signing.js';
import { describeTimeWindow, isWithin } from '../policy/rules/time-window.js';

/**
 * Which rule types judge a signing request. Amount rules have nothing to weigh (a signature moves
 * nothing by itself; what a permit could move is why permits need their domain listed); the rules
 * about when and how often an agent acts hold for signatures as for transactions. The compiler asks
 * for a decision on every new rule type.
 */
const JUDGES_SIGNING: { [T in PolicyType]: boolean } = {
  ALLOWED_SIGNING: true,
  TIME_WINDOW: true,
  RATE_LIMIT: true,
  SPENDING_LIMIT: false,
  ROLLING_LIMIT: false,
  ALLOWED_TOKENS: false,
  ALLOWED_CONTRACTS: false,
  RECIPIENT_ALLOWLIST: false,
  APPROVE_CAP: false,
};

export interface SigningPolicyContext {
  now: number;
  /** Requests of the wallet since `since` (ms epoch): its transactions plus its signatures. */
  requestsSince: (since: number) => number;
}

/** Throws the first refusal: outside a time window, over a rate limit, or not allowed to sign this. */
export function authorizeSigning(policies: readonly Policy[], subject: SigningSubject, ctx: SigningPolicyContext): void {
  const judging = policies.filter((p) => JUDGES_SIGNING[p.rule.type]);
  for (const { rule } of judging) {
    if (rule.type === 'TIME_WINDOW' && !isWithin(rule, ctx.now)) {
      throw new WaiaasError('POLICY__OUTSIDE_TIME_WINDOW', { timeZone: rule.timeZone, allowed: describeTimeWindow(rule) });
    }
    if (rule.type === 'RATE_LIMIT' && ctx.requestsSince(ctx.now - rule.windowSeconds * 1000) >= rule.maxRequests) {
      throw new WaiaasError('POLICY__RATE_LIMITED', { maxRequests: rule.maxRequests, windowSeconds: rule.windowSeconds });
    }
  }
  const allowing = judging.flatMap((p) => (p.rule.type === 'ALLOWED_SIGNING' ? [{ scope: p.scope, rule: p.rule } as ScopedRule<'ALLOWED_SIGNING'>] : []));
  assertSigningAllowed(allowing, subject);
}
