import type { admin } from '@waiaas/protocol';
import { formatUnits } from './format-units';

export type ChainFamily = 'solana' | 'evm';

/** Each family's native asset; the signer's amounts of it are in lamports and wei. */
export const NATIVE_UNITS: Record<ChainFamily, { symbol: string; decimals: number }> = {
  solana: { symbol: 'SOL', decimals: 9 },
  evm: { symbol: 'ETH', decimals: 18 },
};

const EVM_WORDS = new Set(['evm', 'ethereum', 'eth', 'sepolia', 'holesky', 'base', 'arbitrum', 'optimism', 'polygon', 'anvil', 'hardhat']);

/**
 * The chain family a network name tells, or null. Network names are the signer's config keys (the
 * built-in ones such as solana-devnet or base-sepolia, or the Owner's own such as local-evm); one
 * that names neither family is shown in base units rather than guessed.
 */
export function chainOfNetwork(network: string): ChainFamily | null {
  const words = network.toLowerCase().split(/[-_.\s]+/);
  if (words.includes('solana')) return 'solana';
  return words.some((word) => EVM_WORDS.has(word)) ? 'evm' : null;
}

/** Wallet id → chain family, as far as the approvals on screen tell (sessions only name their wallet). */
export function chainsByWallet(approvals: readonly admin.Approval[]): ReadonlyMap<string, ChainFamily> {
  const chains = new Map<string, ChainFamily>();
  for (const approval of approvals) {
    const chain = chainOfNetwork(approval.network);
    if (chain) chains.set(approval.walletId, chain);
  }
  return chains;
}

/** A native amount in smallest units, with its unit: "1.5 SOL", or "1500000000 base units" when the chain is unknown. */
export function formatNative(base: string | bigint, chain: ChainFamily | null): string {
  const value = typeof base === 'bigint' ? base : /^-?[0-9]+$/.test(base) ? BigInt(base) : null;
  if (value === null) return String(base);
  if (chain === null) return `${value} base units`;
  const unit = NATIVE_UNITS[chain];
  return `${formatUnits(value, unit.decimals)} ${unit.symbol}`;
}
