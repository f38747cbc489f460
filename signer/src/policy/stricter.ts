import type { PolicyDecision, Tier } from './policy-context.js';

const ORDER: Tier[] = ['INSTANT', 'NOTIFY', 'DELAY', 'APPROVAL'];

/** The stricter of two verdicts; of two of the same tier, the longer cooldown. */
export function stricter(a: PolicyDecision, b: PolicyDecision): PolicyDecision {
  const [x, y] = [ORDER.indexOf(a.tier), ORDER.indexOf(b.tier)];
  if (y > x) return b;
  return y === x && b.delaySeconds > a.delaySeconds ? b : a;
}
