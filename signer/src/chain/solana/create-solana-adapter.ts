import { isAddress } from '@solana/kit';
import type { ChainAdapter, Network } from '../chain-adapter.js';
import { buildSolanaTransaction } from './build-transaction.js';
import { confirmSolanaTransaction } from './confirm-transaction.js';
import { getSolanaAssets, getSolanaBalance } from './get-assets.js';
import { signSolanaTransaction } from './sign-transaction.js';
import { simulateSolanaTransaction } from './simulate-transaction.js';
import { createSolanaRpcClient } from './solana-rpc.js';
import { submitSolanaTransaction } from './submit-transaction.js';

export interface SolanaAdapterOptions {
  /** Per RPC request; past it the node counts as unavailable. Default 15 s. */
  timeoutMs?: number;
  /** Send without the node's preflight simulation. Default false. */
  skipPreflight?: boolean;
}

/**
 * The ChainAdapter for a Solana network, on @solana/kit: v0 messages built with `pipe`, paid and
 * signed by the wallet alone. BATCH is one atomic transaction.
 */
export function createSolanaAdapter(network: Network, opts: SolanaAdapterOptions = {}): ChainAdapter {
  if (network.family !== 'solana') throw new RangeError(`createSolanaAdapter needs a solana network, not ${network.family}.`);
  const rpc = createSolanaRpcClient(network, opts.timeoutMs);
  const client = { network, rpc, skipPreflight: opts.skipPreflight ?? false };

  return {
    family: 'solana',
    network,
    isValidAddress: (address) => isAddress(address),
    build: (from, intent) => buildSolanaTransaction(client, from, intent),
    simulate: (from, tx) => simulateSolanaTransaction(client, from, tx),
    sign: (tx, signer) => signSolanaTransaction(network, tx, signer),
    submit: (tx) => submitSolanaTransaction(client, tx),
    confirm: (tx) => confirmSolanaTransaction(client, tx),
    getBalance: (address) => getSolanaBalance(rpc, address),
    getAssets: (address) => getSolanaAssets(rpc, address),
  };
}
