import { WaiaasError } from '@waiaas/protocol';
import { getChainId } from 'viem/actions';
import type { ChainAdapter, Network } from '../chain-adapter.js';
import { buildTransaction } from './build-transaction.js';
import { confirmTransaction } from './confirm-transaction.js';
import { isEvmAddress } from './evm-address.js';
import { type EvmRpcOptions, createEvmRpc } from './evm-rpc.js';
import { getAssets, getNativeBalance } from './get-assets.js';
import { type NonceManager, createMemoryNonceManager } from './nonce-manager.js';
import { withRpc } from './rpc-error.js';
import { signTransaction } from './sign-transaction.js';
import { simulateTransaction } from './simulate-transaction.js';
import { submitTransaction } from './submit-transaction.js';

export interface EvmAdapterOptions extends EvmRpcOptions {
  /** Default: in memory, per adapter. The pipeline passes a persistent one. */
  nonces?: NonceManager;
  /** ERC-20 contracts getAssets reports besides ETH. */
  tokens?: readonly string[];
  /** Blocks (the receipt's included) before confirm says "confirmed"; default 1. */
  confirmations?: number;
}

/**
 * The ChainAdapter for an EVM network, on viem's tree-shakable actions. Transactions are
 * EIP-1559, from plain accounts (EOAs): one call each, so BATCH is refused.
 */
export function createEvmAdapter(network: Network, opts: EvmAdapterOptions = {}): ChainAdapter {
  if (network.family !== 'evm') throw new RangeError(`createEvmAdapter needs an evm network, not ${network.family}.`);
  const rpc = createEvmRpc(network, opts);
  const nonces = opts.nonces ?? createMemoryNonceManager();
  const tokens = opts.tokens ?? [];
  const confirmations = opts.confirmations ?? 1;
  const chainId = verifiedChainId(rpc.network, () => withRpc(network, () => getChainId(rpc.client)));

  return {
    family: 'evm',
    network,
    isValidAddress: isEvmAddress,
    build: (from, intent) => buildTransaction({ rpc, nonces, chainId }, from, intent),
    simulate: (from, tx) => simulateTransaction(rpc, from, tx),
    // Signing needs the node only when the configuration does not name the chain id.
    sign: async (tx, signer) => signTransaction(tx, signer, { network: network.name, chainId: network.chainId ?? (await chainId()) }),
    submit: (tx) => submitTransaction(rpc, tx),
    confirm: (tx) => confirmTransaction(rpc, tx, confirmations),
    getBalance: (address) => getNativeBalance(rpc, address),
    getAssets: (address) => getAssets(rpc, address, tokens),
  };
}

/**
 * The node's chain id, checked once against the configured one: a misconfigured RPC URL must not
 * get transactions built (and approved) for a chain the configuration does not name.
 */
function verifiedChainId(network: Network, read: () => Promise<number>): () => Promise<number> {
  let known: number | undefined;
  return async () => {
    if (known !== undefined) return known;
    const actual = await read();
    if (network.chainId !== undefined && actual !== network.chainId) {
      throw new WaiaasError('CHAIN__RPC_UNAVAILABLE', {
        network: network.name,
        reason: `the node serves chain id ${actual}, but the network is configured for ${network.chainId}`,
      });
    }
    known = actual;
    return actual;
  };
}
