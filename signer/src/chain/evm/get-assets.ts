import { NATIVE_UNITS, WaiaasError } from '@waiaas/protocol';
import { erc20Abi } from 'viem';
import { getBalance, readContract } from 'viem/actions';
import type { Asset } from '../chain-adapter.js';
import { assertEvmAddress } from './evm-address.js';
import type { EvmRpc } from './evm-rpc.js';
import { readToken } from './read-token.js';
import { withRpc } from './rpc-error.js';

export async function getNativeBalance(rpc: EvmRpc, address: string): Promise<bigint> {
  const owner = assertEvmAddress(address);
  return withRpc(rpc.network, () => getBalance(rpc.client, { address: owner }));
}

/**
 * ETH, then each configured token in the order given. There is no indexer to discover tokens, so
 * only the ones the network's configuration names are reported; a configured address that is not
 * an ERC-20 is a configuration mistake and fails loudly (CHAIN__UNKNOWN_TOKEN).
 */
export async function getAssets(rpc: EvmRpc, address: string, tokens: readonly string[]): Promise<Asset[]> {
  const owner = assertEvmAddress(address);
  const tokenAddresses = tokens.map((token) => {
    try {
      return assertEvmAddress(token);
    } catch {
      throw new WaiaasError('CHAIN__UNKNOWN_TOKEN', { token, network: rpc.network.name });
    }
  });
  const native: Promise<Asset> = getNativeBalance(rpc, owner).then((balance) => ({ asset: 'native', ...NATIVE_UNITS.evm, balance }));
  const erc20s = tokenAddresses.map(async (token): Promise<Asset> => {
    const info = await readToken(rpc, token);
    const balance = await withRpc(rpc.network, () =>
      readContract(rpc.client, { address: token, abi: erc20Abi, functionName: 'balanceOf', args: [owner] }),
    );
    return { asset: token, ...(info.symbol ? { symbol: info.symbol } : {}), decimals: info.decimals, balance };
  });
  return Promise.all([native, ...erc20s]);
}
