import type { Config } from '../config/schema.js';
import type { Logger } from '../log/logger.js';
import { createCoinGeckoPriceSource } from './coingecko-price-source.js';
import { createFixedPriceSource } from './fixed-price-source.js';
import { firstKnownPrice } from './first-known-price-source.js';
import type { PriceSource } from './price-source.js';

/**
 * The daemon's price source from `[prices]`: the fixed table alone, or the fixed table in front of
 * the network provider (a fixed entry wins, so it doubles as an offline override).
 */
export function createPriceSource(config: Config['prices'], deps: { startedAt: number; now: () => number; log: Logger }): PriceSource {
  const fixed = createFixedPriceSource(config.fixed, deps.startedAt);
  if (config.provider === 'fixed') return fixed;
  const network = createCoinGeckoPriceSource({
    url: config.url,
    apiKey: config.api_key,
    timeoutMs: config.timeout * 1000,
    cacheTtlMs: config.cache_ttl * 1000,
    coins: config.coins,
    platforms: config.platforms,
    log: deps.log,
    now: deps.now,
  });
  return firstKnownPrice([fixed, network]);
}
