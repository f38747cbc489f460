import type { PriceSource } from './price-source.js';

/**
 * Asks each source in turn; the first that knows the asset answers. The daemon puts
 * `[prices.fixed]` first, so a fixed entry overrides the network feed for its asset — even once
 * stale: an operator's override is never silently replaced by the feed it was meant to replace.
 */
export function firstKnownPrice(sources: readonly PriceSource[]): PriceSource {
  return {
    async price(chain, asset) {
      for (const source of sources) {
        const price = await source.price(chain, asset);
        if (price) return price;
      }
      return undefined;
    },
  };
}
