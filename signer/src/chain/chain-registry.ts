import { WaiaasError } from '@waiaas/protocol';
import type { Config } from '../config/schema.js';
import { toNetwork } from '../config/networks.js';
import type { ChainAdapter, Network } from './chain-adapter.js';
import { createEvmAdapter } from './evm/index.js';
import { createSolanaAdapter } from './solana/index.js';

/** Hands out the nonce for an EVM address's next transaction, given the chain's pending count. */
export type NonceSource = (address: string, network: string, chainPendingNonce: number) => number;

export interface ChainRegistry {
  network(name: string): Network;
  /** For building and signing in the pipeline: nonces come from `nonceSource`. */
  adapter(network: string): ChainAdapter;
  /** For validating and simulating: builds never reserve a nonce. */
  dryRunAdapter(network: string): ChainAdapter;
  list(): (Network & { tokens: string[] })[];
}

export function createChainRegistry(config: Config, nonceSource: NonceSource): ChainRegistry {
  const networks = new Map(Object.entries(config.networks).map(([name, n]) => [name, toNetwork(name, n)]));
  const cache = new Map<string, ChainAdapter>();
  const network = (name: string) => {
    const found = networks.get(name);
    if (!found) throw new WaiaasError('NETWORK__NOT_FOUND', { network: name });
    return found;
  };
  const make = (name: string, dryRun: boolean): ChainAdapter => {
    const key = `${dryRun ? 'dry' : 'live'}:${name}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const n = network(name);
    const adapter: ChainAdapter =
        n.family === 'solana'
          ? createSolanaAdapter(n)
          : createEvmAdapter(n, {
              tokens: n.tokens,
              nonces: {
                reserve: (address: string, chainPending: number) =>
                  dryRun ? chainPending : nonceSource(address, name, chainPending),
              },
            });
    cache.set(key, adapter);
    return adapter;
  };
  return {
    network,
    adapter: (name) => make(name, false),
    dryRunAdapter: (name) => make(name, true),
    list: () => [...networks.values()],
  };
}
