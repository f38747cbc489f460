import { WaiaasError } from '@waiaas/protocol';
import { type Address, erc20Abi } from 'viem';
import { estimateGas, getBalance, getTransactionCount, readContract } from 'viem/actions';
import type { TransactionIntent, UnsignedTransaction } from '../chain-adapter.js';
import { evmContentDigest } from './content-digest.js';
import { estimateFees } from './estimate-fees.js';
import { assertEvmAddress } from './evm-address.js';
import type { EvmPayload } from './evm-payload.js';
import type { EvmRpc } from './evm-rpc.js';
import type { NonceManager } from './nonce-manager.js';
import { type EvmCall, type ResolveIntentErrorCode, resolveIntent } from './resolve-intent.js';
import { revertReason } from './revert-reason.js';
import { nodeErrorText, nodeMessage, withRpc } from './rpc-error.js';

export interface BuildDeps {
  rpc: EvmRpc;
  nonces: NonceManager;
  chainId: () => Promise<number>;
}

export type BuildTransactionErrorCode = ResolveIntentErrorCode | 'CHAIN__INSUFFICIENT_FUNDS' | 'CHAIN__SIMULATION_FAILED';

/** Gas limit = estimate × 1.2: state can move between estimate and inclusion; only gas used is paid. */
const GAS_MARGIN_PERCENT = 120n;

/**
 * Intent → unsigned EIP-1559 transaction. The nonce is reserved last, so a build refused for any
 * reason (bad input, no funds, would revert) never consumes one.
 */
export async function buildTransaction(deps: BuildDeps, from: string, intent: TransactionIntent): Promise<UnsignedTransaction> {
  const { rpc } = deps;
  const sender = assertEvmAddress(from);
  const call = await resolveIntent(rpc, intent);
  const chainId = await deps.chainId();
  if (call.kind === 'TOKEN_TRANSFER') await assertTokenBalance(rpc, sender, call);
  // The value alone first: a call that cannot be paid for is "insufficient funds", whatever else
  // its estimate would say.
  const available = await nativeBalance(rpc, sender);
  if (available < call.value) throw insufficient(sender, 'native', call.value, available);
  const fees = await estimateFees(rpc);
  const gas = ((await estimate(rpc, sender, call)) * GAS_MARGIN_PERCENT + 99n) / 100n;
  // Nodes admit a transaction only if balance ≥ value + gas limit × max fee; anvil's estimate does not check.
  const needed = call.value + gas * fees.maxFeePerGas;
  if (available < needed) throw insufficient(sender, 'native', needed, available);
  const pending = await withRpc(rpc.network, () => getTransactionCount(rpc.client, { address: sender, blockTag: 'pending' }));
  const nonce = await deps.nonces.reserve(sender, pending);
  const payload: EvmPayload = {
    version: 1,
    kind: call.kind,
    from: sender,
    chainId,
    nonce,
    to: call.to,
    value: call.value.toString(),
    data: call.data,
    gas: gas.toString(),
    maxFeePerGas: fees.maxFeePerGas.toString(),
    maxPriorityFeePerGas: fees.maxPriorityFeePerGas.toString(),
    ...(call.token ? { token: call.token } : {}),
  };
  return {
    family: 'evm',
    network: rpc.network.name,
    payload,
    contentDigest: evmContentDigest({ chainId, to: call.to, value: call.value, data: call.data }),
  };
}

/** eth_estimateGas; a revert here means the transaction would fail on chain, so it is never built. */
async function estimate(rpc: EvmRpc, sender: Address, call: EvmCall): Promise<bigint> {
  try {
    return await withRpc(rpc.network, () => estimateGas(rpc.client, { account: sender, to: call.to, value: call.value, data: call.data }));
  } catch (error) {
    if (error instanceof WaiaasError) throw error;
    if (/insufficient funds/.test(nodeMessage(error))) {
      const available = await nativeBalance(rpc, sender);
      throw insufficient(sender, 'native', call.value, available, error);
    }
    throw new WaiaasError('CHAIN__SIMULATION_FAILED', { reason: revertReason(error) ?? nodeErrorText(error) }, { cause: error });
  }
}

async function assertTokenBalance(rpc: EvmRpc, sender: Address, call: EvmCall): Promise<void> {
  const needed = call.tokenAmount ?? 0n;
  const available = await withRpc(rpc.network, () =>
    readContract(rpc.client, { address: call.to, abi: erc20Abi, functionName: 'balanceOf', args: [sender] }),
  );
  if (available < needed) throw insufficient(sender, call.to, needed, available);
}

function nativeBalance(rpc: EvmRpc, address: Address): Promise<bigint> {
  return withRpc(rpc.network, () => getBalance(rpc.client, { address }));
}

function insufficient(
  address: Address,
  asset: string,
  needed: bigint,
  available: bigint,
  cause?: unknown,
): WaiaasError<'CHAIN__INSUFFICIENT_FUNDS'> {
  return new WaiaasError(
    'CHAIN__INSUFFICIENT_FUNDS',
    { address, asset, needed: needed.toString(), available: available.toString() },
    { cause },
  );
}
