import type { Chain } from '@waiaas/protocol';
import { type Price, type PriceSource, priceKey } from './price-source.js';

export interface FixedPrice {
  usd: string;
  /** ms epoch; absent means "as of `startedAt`". */
  at?: number;
}

/**
 * Prices from `[prices.fixed]` in config.toml, for a signer without a price feed. An entry without
 * `at` counts as observed when the daemon started: it is fresh for `prices.max_age` after start and
 * then, like any other price, stale — so an offline table either carries dates or a long max_age.
 */
export function createFixedPriceSource(table: Readonly<Record<string, FixedPrice>>, startedAt: number): PriceSource {
  const prices = new Map<string, Price>();
  for (const [key, entry] of Object.entries(table)) {
    const [chain = '', ...rest] = key.split(':');
    prices.set(priceKey(chain as Chain, rest.join(':')), { usd: entry.usd, at: entry.at ?? startedAt, source: 'config' });
  }
  return { price: (chain, asset) => prices.get(priceKey(chain, asset)) };
}
