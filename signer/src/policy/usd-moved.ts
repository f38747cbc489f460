import type { Chain, Policy } from '@waiaas/protocol';
import { parseUsd, usdValue } from '../price/usd-value.js';
import type { Price } from '../price/price-source.js';
import { NATIVE_ASSET } from './spend-of.js';

/** Decimals of the native asset, for its USD value. */
export const NATIVE_DECIMALS: Record<Chain, number> = { solana: 9, evm: 18 };

/** The USD value (USD × 10^18) of what a request moves, per asset and in total. */
export interface UsdMoved {
  /** Each asset's value; undefined where no fresh price (or, for a token, no decimals) is known. */
  perAsset: ReadonlyMap<string, bigint | undefined>;
  /** The sum; undefined when any asset's value is unknown, since a partial sum would understate it. */
  total: bigint | undefined;
  /** The assets whose value is unknown, for the reason given to the agent. */
  unknown: readonly string[];
}

/**
 * Values what a request moves at the fresh prices looked up for it (rounded up, never down). A
 * token's decimals come from a SPENDING_LIMIT that declares them (the Owner states them there for
 * USD thresholds); without them its value is unknown. Deterministic in its inputs, so the value
 * the policy judges is the value reserved.
 */
export function usdMovedOf(
  moved: ReadonlyMap<string, bigint>,
  chain: Chain,
  prices: ReadonlyMap<string, Price | undefined> | undefined,
  decimalsOf: (asset: string) => number | undefined,
): UsdMoved {
  const perAsset = new Map<string, bigint | undefined>();
  for (const [asset, amount] of moved) {
    const price = prices?.get(asset);
    const priceUsd = price && parseUsd(price.usd);
    const decimals = asset === NATIVE_ASSET ? NATIVE_DECIMALS[chain] : decimalsOf(asset);
    perAsset.set(asset, priceUsd === undefined || decimals === undefined ? undefined : usdValue(amount, decimals, priceUsd));
  }
  const unknown = [...perAsset].filter(([, v]) => v === undefined).map(([asset]) => asset);
  const total = unknown.length ? undefined : [...perAsset.values()].reduce<bigint>((sum, v) => sum + (v ?? 0n), 0n);
  return { perAsset, total, unknown };
}

/** Token decimals as declared by the applicable spending limits (`decimals`), keyed by normalised asset. */
export function tokenDecimalsFrom(policies: readonly Policy[], norm: (asset: string) => string): (asset: string) => number | undefined {
  const decimals = new Map<string, number>();
  for (const { rule } of policies) {
    if (rule.type === 'SPENDING_LIMIT' && rule.decimals !== undefined) decimals.set(norm(rule.asset), rule.decimals);
  }
  return (asset) => decimals.get(asset);
}

/** What a request moves in USD under the rules that apply to it: the value judged and the value reserved. */
export function usdMovedFor(
  policies: readonly Policy[],
  chain: Chain,
  moved: ReadonlyMap<string, bigint>,
  prices: ReadonlyMap<string, Price | undefined> | undefined,
): UsdMoved {
  const norm = (asset: string) => (chain === 'evm' ? asset.toLowerCase() : asset);
  return usdMovedOf(moved, chain, prices, tokenDecimalsFrom(policies, norm));
}
