import { WaiaasError } from '@waiaas/protocol';
import { type Hex, decodeFunctionData, erc20Abi, hexToBigInt, size } from 'viem';
import { call, estimateGas } from 'viem/actions';
import type { BalanceChange, SimulationResult, UnsignedTransaction } from '../chain-adapter.js';
import { assertEvmAddress } from './evm-address.js';
import { type EvmPayload, parseEvmPayload, toEvmTransaction } from './evm-payload.js';
import type { EvmRpc } from './evm-rpc.js';
import { revertReason } from './revert-reason.js';
import { nodeErrorText, toRpcUnavailable } from './rpc-error.js';

/**
 * eth_call and eth_estimateGas against the latest block. `fee` is an upper bound, estimated gas ×
 * the payload's max fee per gas (the chain charges gas used × the effective price, never more);
 * the native balance change includes it. A TOKEN_TRANSFER's token change is decoded from its
 * calldata, and exact. An APPROVE moves no balance.
 */
export async function simulateTransaction(rpc: EvmRpc, from: string, tx: UnsignedTransaction): Promise<SimulationResult> {
  if (tx.family !== 'evm' || tx.network !== rpc.network.name) {
    throw invalid(`the transaction was built for ${tx.family}/${tx.network}, not evm/${rpc.network.name}`);
  }
  const sender = assertEvmAddress(from);
  const payload = parseEvmPayload(tx.payload);
  if (payload.from.toLowerCase() !== sender.toLowerCase()) throw invalid(`the payload is from ${payload.from}, not ${sender}`);
  if (rpc.network.chainId !== undefined && payload.chainId !== rpc.network.chainId) {
    throw invalid(`the payload is for chain ${payload.chainId}, not ${rpc.network.chainId}`);
  }
  const { to, value, data, maxFeePerGas } = toEvmTransaction(payload);
  const request = { account: sender, to, value, data };

  let returned: Hex | undefined;
  let gas: bigint;
  try {
    returned = (await call(rpc.client, request)).data;
    gas = await estimateGas(rpc.client, request);
  } catch (error) {
    const unavailable = toRpcUnavailable(rpc.network, error);
    if (unavailable) throw unavailable;
    return { ok: false, balanceChanges: [], fee: 0n, error: revertReason(error) ?? nodeErrorText(error) };
  }
  // Some tokens report failure by returning false instead of reverting.
  if ((payload.kind === 'TOKEN_TRANSFER' || payload.kind === 'APPROVE') && returnedFalse(returned)) {
    return { ok: false, balanceChanges: [], fee: 0n, error: 'the token returned false' };
  }
  const fee = gas * maxFeePerGas;
  const selfTransfer = to.toLowerCase() === sender.toLowerCase();
  const balanceChanges: BalanceChange[] = [{ asset: 'native', delta: -(selfTransfer ? fee : value + fee) }];
  const token = tokenChange(payload, sender);
  if (token) balanceChanges.push(token);
  return { ok: true, balanceChanges, fee };
}

function tokenChange(payload: EvmPayload, sender: string): BalanceChange | undefined {
  if (payload.kind !== 'TOKEN_TRANSFER') return undefined;
  const { functionName, args } = decodeFunctionData({ abi: erc20Abi, data: payload.data });
  if (functionName !== 'transfer') throw invalid('a TOKEN_TRANSFER payload does not call transfer');
  const [recipient, amount] = args;
  if (recipient.toLowerCase() === sender.toLowerCase()) return undefined;
  return { asset: payload.to, delta: -amount };
}

function returnedFalse(returned: Hex | undefined): boolean {
  return returned !== undefined && size(returned) === 32 && hexToBigInt(returned) === 0n;
}

function invalid(reason: string): WaiaasError<'CHAIN__INVALID_CALL'> {
  return new WaiaasError('CHAIN__INVALID_CALL', { reason });
}
