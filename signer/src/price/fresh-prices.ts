import type { Chain } from '@waiaas/protocol';
import type { Price, PriceSource } from './price-source.js';

/**
 * A price is fresh when it was observed no longer than `maxAgeMs` ago (exactly `maxAgeMs` is still
 * fresh). One from the future is not: a clock that far off, or a mistyped date, must not make a
 * price fresh for ever.
 */
export function isFresh(price: Price, now: number, maxAgeMs: number): boolean {
  const age = now - price.at;
  return age >= 0 && age <= maxAgeMs;
}

/**
 * The fresh USD price of each asset, looked up before the policy's database transaction: a stale,
 * missing or failed lookup is undefined, which USD thresholds treat as unknown (they fail closed).
 */
export async function freshPrices(
  source: PriceSource | undefined,
  maxAgeMs: number,
  chain: Chain,
  assets: Iterable<string>,
  now: number,
): Promise<Map<string, Price | undefined>> {
  const prices = new Map<string, Price | undefined>();
  for (const asset of assets) {
    let price: Price | undefined;
    try {
      price = source ? await source.price(chain, asset) : undefined;
    } catch {
      // A provider that cannot answer leaves the price unknown; the policy then asks the Owner.
      price = undefined;
    }
    prices.set(asset, price && isFresh(price, now, maxAgeMs) ? price : undefined);
  }
  return prices;
}
