import type { Price } from './price-source.js';

/** What one lookup found: a price, an asset the provider does not list, or a failure (not cached). */
export type Lookup = { kind: 'price'; price: Price } | { kind: 'unlisted' } | { kind: 'failed' };

/** Enough for every asset a signer's wallets touch; beyond it the oldest answer goes first. */
const MAX_ENTRIES = 1000;

export interface PriceCache {
  /** The cached answer for `key` if looked up less than ttl ago, else `load()`'s — shared by concurrent callers. */
  get(key: string, load: () => Promise<Lookup>): Promise<Price | undefined>;
}

/**
 * Answers kept for `ttlMs` from when they were fetched, and one request in flight per key: a burst
 * of transactions for the same asset makes one request, not one each. The cache only decides when
 * to ask again; how old a price is comes from the price's own `at`, judged by `freshPrices`.
 */
export function createPriceCache(ttlMs: number, now: () => number): PriceCache {
  const answers = new Map<string, { price: Price | undefined; fetchedAt: number }>();
  const inFlight = new Map<string, Promise<Price | undefined>>();
  return {
    get(key, load) {
      const cached = answers.get(key);
      if (cached && now() - cached.fetchedAt < ttlMs) return Promise.resolve(cached.price);
      const pending = inFlight.get(key);
      if (pending) return pending;
      const fetchedAt = now();
      const request = load()
        .then((lookup) => {
          const price = lookup.kind === 'price' ? lookup.price : undefined;
          if (lookup.kind !== 'failed') remember(key, { price, fetchedAt });
          return price;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, request);
      return request;
    },
  };

  function remember(key: string, answer: { price: Price | undefined; fetchedAt: number }) {
    answers.delete(key);
    if (answers.size >= MAX_ENTRIES) answers.delete(answers.keys().next().value ?? '');
    answers.set(key, answer);
  }
}
