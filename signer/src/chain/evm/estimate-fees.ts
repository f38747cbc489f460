import { WaiaasError } from '@waiaas/protocol';
import { Eip1559FeesNotSupportedError } from 'viem';
import { estimateMaxPriorityFeePerGas, getBlock } from 'viem/actions';
import type { EvmRpc } from './evm-rpc.js';
import { withRpc } from './rpc-error.js';

export interface Eip1559Fees {
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
}

/**
 * max fee = 2 × the latest base fee + the node's suggested tip. The chain charges base fee + tip,
 * never the max, so the headroom costs nothing; it keeps a transaction includable through about
 * six full blocks of base-fee growth (12.5 % each) while it waits for approval or a slot.
 */
export async function estimateFees(rpc: EvmRpc): Promise<Eip1559Fees> {
  const { client, network } = rpc;
  try {
    const [block, maxPriorityFeePerGas] = await withRpc(network, () =>
      Promise.all([getBlock(client, { blockTag: 'latest' }), estimateMaxPriorityFeePerGas(client, { chain: null })]),
    );
    if (block.baseFeePerGas === null) throw new Eip1559FeesNotSupportedError();
    return { maxFeePerGas: 2n * block.baseFeePerGas + maxPriorityFeePerGas, maxPriorityFeePerGas };
  } catch (error) {
    if (error instanceof Eip1559FeesNotSupportedError) {
      throw new WaiaasError('CHAIN__UNSUPPORTED', { chain: 'evm', feature: `A network without EIP-1559 fees (${network.name})` });
    }
    throw error;
  }
}
