import { WaiaasError } from '@waiaas/protocol';
import { type Address, erc20Abi } from 'viem';
import { getCode, readContract } from 'viem/actions';
import type { EvmRpc } from './evm-rpc.js';
import { toRpcUnavailable, withRpc } from './rpc-error.js';

export interface TokenInfo {
  address: Address;
  /** Whatever the contract says, made printable; a token chooses its own symbol, so it proves nothing. */
  symbol?: string;
  decimals: number;
}

/** Reads decimals (required) and symbol (optional: some old tokens return bytes32) from the chain. */
export async function readToken(rpc: EvmRpc, token: Address): Promise<TokenInfo> {
  const { client, network } = rpc;
  const code = await withRpc(network, () => getCode(client, { address: token }));
  if (code === undefined || code === '0x') throw unknownToken(rpc, token);
  const [decimals, symbol] = await Promise.all([
    readContract(client, { address: token, abi: erc20Abi, functionName: 'decimals' }).catch((error: unknown) => {
      throw toRpcUnavailable(network, error) ?? unknownToken(rpc, token, error);
    }),
    readContract(client, { address: token, abi: erc20Abi, functionName: 'symbol' }).catch((error: unknown) => {
      const unavailable = toRpcUnavailable(network, error);
      if (unavailable) throw unavailable;
      return undefined;
    }),
  ]);
  const printable = symbol === undefined ? undefined : printableSymbol(symbol);
  return printable ? { address: token, symbol: printable, decimals } : { address: token, decimals };
}

/** Control and bidi-override characters out, 32 characters at most. */
function printableSymbol(symbol: string): string | undefined {
  const cleaned = symbol.replace(/[\p{Cc}\p{Cf}]/gu, '').trim().slice(0, 32);
  return cleaned || undefined;
}

function unknownToken(rpc: EvmRpc, token: Address, cause?: unknown): WaiaasError<'CHAIN__UNKNOWN_TOKEN'> {
  return new WaiaasError('CHAIN__UNKNOWN_TOKEN', { token, network: rpc.network.name }, { cause });
}
