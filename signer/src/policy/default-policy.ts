import type { Chain, PolicyRule } from '@waiaas/protocol';

const SOL = 1_000_000_000n;
const ETH = 10n ** 18n;

/**
 * The rule every new wallet starts with: small amounts go through at once so a new user sees the
 * loop work, larger ones wait 15 minutes, and anything above the delay ceiling needs the Owner.
 * USD thresholds join these once prices exist (the policy issue).
 */
export function defaultSpendingLimit(chain: Chain): PolicyRule {
  const unit = chain === 'solana' ? SOL : ETH;
  const scale = chain === 'solana' ? 1n : 100n; // 0.1 SOL ≈ 0.001 ETH in the defaults' spirit: small.
  return {
    type: 'SPENDING_LIMIT',
    asset: 'native',
    instantMax: ((unit / 10n) / scale).toString(),
    notifyMax: (unit / scale).toString(),
    delayMax: ((unit * 10n) / scale).toString(),
    delaySeconds: 900,
  };
}
