import { z } from 'zod';
import type { Network } from '../chain/chain-adapter.js';

export const NetworkName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'use lowercase letters, digits and "-"');

export const NetworkConfig = z
  .strictObject({
    family: z.enum(['solana', 'evm']),
    rpc_url: z.url({ protocol: /^https?$/ }),
    chain_id: z.number().int().positive().optional(),
    /** EVM only: token contracts to report in the wallet's assets (there is no indexer locally). */
    tokens: z.array(z.string()).max(100).optional(),
  })
  .refine((n) => n.family !== 'evm' || n.chain_id !== undefined, 'an evm network needs chain_id');

/**
 * Public networks every signer knows. A [networks.<name>] table in config.toml adds a network or
 * replaces one of these (e.g. to point at your own RPC node).
 */
export const BUILTIN_NETWORKS: Record<string, z.input<typeof NetworkConfig>> = {
  'solana-mainnet': { family: 'solana', rpc_url: 'https://api.mainnet-beta.solana.com' },
  'solana-devnet': { family: 'solana', rpc_url: 'https://api.devnet.solana.com' },
  'ethereum-mainnet': { family: 'evm', rpc_url: 'https://ethereum-rpc.publicnode.com', chain_id: 1 },
  sepolia: { family: 'evm', rpc_url: 'https://ethereum-sepolia-rpc.publicnode.com', chain_id: 11_155_111 },
  base: { family: 'evm', rpc_url: 'https://mainnet.base.org', chain_id: 8453 },
  'base-sepolia': { family: 'evm', rpc_url: 'https://sepolia.base.org', chain_id: 84_532 },
};

export function toNetwork(name: string, config: z.output<typeof NetworkConfig>): Network & { tokens: string[] } {
  return { name, family: config.family, rpcUrl: config.rpc_url, chainId: config.chain_id, tokens: config.tokens ?? [] };
}
