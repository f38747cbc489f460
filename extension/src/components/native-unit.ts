import type { admin } from '@waiaas/protocol';
import { formatUnits } from './format-units';

export type ChainFamily = 'solana' | 'evm';

/** Each family's native asset; the signer's amounts of it are in lamports and wei. */
export const NATIVE_UNITS: Record<ChainFamily, { symbol: string; decimals: number }> = {
  solana: { symbol: 'SOL', decimals: 9 },
  evm: { symbol: 'ETH', decimals: 18 },
};

/** Wallet id → chain family, from the sessions and approvals on screen (policies name only wallet ids). */
export function chainsByWallet(items: readonly (admin.Approval | admin.Session)[]): ReadonlyMap<string, ChainFamily> {
  return new Map(items.map((item) => [item.walletId, item.chain]));
}

/** A native amount in smallest units, with its unit: "1.5 SOL", or "1500000000 base units" when the chain is unknown. */
export function formatNative(base: string | bigint, chain: ChainFamily | null): string {
  const value = typeof base === 'bigint' ? base : /^-?[0-9]+$/.test(base) ? BigInt(base) : null;
  if (value === null) return String(base);
  if (chain === null) return `${value} base units`;
  const unit = NATIVE_UNITS[chain];
  return `${formatUnits(value, unit.decimals)} ${unit.symbol}`;
}
