import type { Chain } from '@waiaas/protocol';

/** A USD price of one whole unit of an asset, as a decimal string, and when it was observed. */
export interface Price {
  /** USD per whole unit (e.g. per SOL, per ETH, per token), a decimal string such as "152.35". */
  usd: string;
  /** When the price was observed, ms epoch. */
  at: number;
  /** Where it came from, e.g. "config" — for the reason stored with a transaction. */
  source: string;
}

/**
 * Where USD prices come from. `asset` is "native" or a token address / mint, normalised as the
 * policy engine normalises it (EVM addresses lower-case). Undefined means the source does not know;
 * a future network provider may be asynchronous, which is why callers look prices up before the
 * database transaction in which the (synchronous) policy engine runs.
 */
export interface PriceSource {
  price(chain: Chain, asset: string): Promise<Price | undefined> | Price | undefined;
}

/** The key of an asset in `[prices.fixed]`: "solana:native", "evm:0xabc…". */
export function priceKey(chain: Chain, asset: string): string {
  return `${chain}:${chain === 'evm' ? asset.toLowerCase() : asset}`;
}
