import { type Client, createPublicClient, http } from 'viem';
import type { Network } from '../chain-adapter.js';

/** What every step needs: the viem client for the network's node, and the network for errors. */
export interface EvmRpc {
  client: Client;
  network: Network;
}

export interface EvmRpcOptions {
  /** Per request; default 10 s. */
  timeoutMs?: number;
  /** viem's own retries of transient failures; default 1 (the pipeline retries on its own schedule). */
  retryCount?: number;
}

export function createEvmRpc(network: Network, opts: EvmRpcOptions = {}): EvmRpc {
  const transport = http(network.rpcUrl, { timeout: opts.timeoutMs ?? 10_000, retryCount: opts.retryCount ?? 1 });
  return { client: createPublicClient({ transport }), network };
}
