import type { PolicyDecision, Tier } from './policy-context.js';

const ORDER: Tier[] = ['INSTANT', 'NOTIFY', 'DELAY', 'APPROVAL'];

/**
 * The stricter of two verdicts; of two of the same tier, the longer cooldown. Of two APPROVAL
 * verdicts, the approval also expires at the shorter expiry either rule sets: the stricter answer.
 */
export function stricter(a: PolicyDecision, b: PolicyDecision): PolicyDecision {
  const winner = stricterTier(a, b);
  if (a.tier !== 'APPROVAL' || b.tier !== 'APPROVAL') return winner;
  const set = [a.approvalSeconds, b.approvalSeconds].filter((s) => s !== undefined);
  return set.length === 0 ? winner : { ...winner, approvalSeconds: Math.min(...set) };
}

function stricterTier(a: PolicyDecision, b: PolicyDecision): PolicyDecision {
  const [x, y] = [ORDER.indexOf(a.tier), ORDER.indexOf(b.tier)];
  if (y > x) return b;
  return y === x && b.delaySeconds > a.delaySeconds ? b : a;
}
