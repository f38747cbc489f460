import type { Chain, PolicyRule } from '@waiaas/protocol';
import type { Config } from '../config/schema.js';

const SOL = 1_000_000_000n;
const ETH = 10n ** 18n;

/** The default USD ceilings of INSTANT / NOTIFY / DELAY: small, as the native ones are. */
const DEFAULT_USD = { usdInstantMax: '10.00', usdNotifyMax: '100.00', usdDelayMax: '1000.00' } as const;

/**
 * The rule every new wallet starts with: small amounts go through at once so a new user sees the
 * loop work, larger ones wait 15 minutes, and anything above the delay ceiling needs the Owner.
 * With `usd` the rule also tiers by USD value ($10 / $100 / $1000), the stricter tier winning, so
 * a native asset whose price rises does not move more value unnoticed.
 */
export function defaultSpendingLimit(chain: Chain, opts: { usd: boolean }): PolicyRule {
  const unit = chain === 'solana' ? SOL : ETH;
  const scale = chain === 'solana' ? 1n : 100n; // 0.1 SOL ≈ 0.001 ETH in the defaults' spirit: small.
  return {
    type: 'SPENDING_LIMIT',
    asset: 'native',
    instantMax: ((unit / 10n) / scale).toString(),
    notifyMax: (unit / scale).toString(),
    delayMax: ((unit * 10n) / scale).toString(),
    delaySeconds: 900,
    ...(opts.usd ? DEFAULT_USD : {}),
  };
}

/**
 * Whether the signer's `[prices]` can ever know the chain's native price: a network provider, or a
 * `[prices.fixed]` entry for it. USD thresholds fail closed, so without a source they would send
 * every request to the Owner — the default must not break a new, offline signer's first send.
 */
export function canPriceNative(prices: Pick<Config['prices'], 'provider' | 'fixed'>, chain: Chain): boolean {
  return prices.provider === 'coingecko' || `${chain}:native` in prices.fixed;
}
