import type { agent, Chain } from '@waiaas/protocol';
import { spendOf } from '../policy/spend-of.js';
import { freshPrices } from '../price/fresh-prices.js';
import type { Price, PriceSource } from '../price/price-source.js';

/** Where the policy gets USD prices, and how old one may be. */
export interface PolicyPrices {
  source: PriceSource;
  maxAgeMs: number;
}

/**
 * The fresh USD price of every asset a request exposes, looked up before the policy's database
 * transaction so the evaluator stays synchronous. Without a source every price is unknown.
 */
export function policyPrices(
  deps: { prices?: PolicyPrices },
  chain: Chain,
  call: agent.TransactionCall,
  now: number,
): Promise<Map<string, Price | undefined>> {
  const assets = spendOf(call, chain, { approvals: true }).keys();
  return freshPrices(deps.prices?.source, deps.prices?.maxAgeMs ?? 0, chain, assets, now);
}
