import { WaiaasError } from '@waiaas/protocol';
import { type Address, type Hex, encodeFunctionData, erc20Abi } from 'viem';
import type { TransactionIntent } from '../chain-adapter.js';
import { encodeContractCall } from './encode-contract-call.js';
import { assertEvmAddress } from './evm-address.js';
import { assertPositiveAmount, assertUint256 } from './evm-amount.js';
import type { EvmPayloadKind } from './evm-payload.js';
import type { EvmRpc } from './evm-rpc.js';
import { type TokenInfo, readToken } from './read-token.js';
import { refuseUnlimitedAllowance, refuseUnlimitedAllowanceCall } from './unlimited-approval.js';

/** An intent reduced to the one call an EOA transaction makes. */
export interface EvmCall {
  kind: EvmPayloadKind;
  to: Address;
  value: bigint;
  data: Hex;
  token?: TokenInfo;
  /** TOKEN_TRANSFER: the token amount leaving the wallet. */
  tokenAmount?: bigint;
}

export type ResolveIntentErrorCode =
  | 'CHAIN__INVALID_ADDRESS'
  | 'AMOUNT__INVALID'
  | 'CHAIN__INVALID_CALL'
  | 'CHAIN__UNKNOWN_TOKEN'
  | 'CHAIN__UNSUPPORTED'
  | 'CHAIN__RPC_UNAVAILABLE';

/**
 * Checks an intent and turns it into a call. Everything that can be refused from the intent alone
 * is refused before the chain is asked anything; only token intents read the token contract.
 */
export async function resolveIntent(rpc: EvmRpc, intent: TransactionIntent): Promise<EvmCall> {
  switch (intent.type) {
    case 'TRANSFER': {
      refuseMemo(intent.memo);
      const to = assertEvmAddress(intent.to);
      return { kind: 'TRANSFER', to, value: assertPositiveAmount(intent.amount), data: '0x' };
    }
    case 'TOKEN_TRANSFER': {
      refuseMemo(intent.memo);
      const token = assertEvmAddress(intent.token);
      const to = assertEvmAddress(intent.to);
      const amount = assertPositiveAmount(intent.amount);
      const data = encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] });
      return { kind: 'TOKEN_TRANSFER', to: token, value: 0n, data, token: await readToken(rpc, token), tokenAmount: amount };
    }
    case 'APPROVE': {
      const token = assertEvmAddress(intent.token);
      const spender = assertEvmAddress(intent.spender);
      // Zero is allowed: it revokes an allowance.
      refuseUnlimitedAllowance(assertUint256(intent.amount));
      const data = encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [spender, intent.amount] });
      return { kind: 'APPROVE', to: token, value: 0n, data, token: await readToken(rpc, token) };
    }
    case 'CONTRACT_CALL': {
      if (intent.accounts !== undefined) throw new WaiaasError('CHAIN__INVALID_CALL', { reason: 'accounts are Solana-only' });
      const to = assertEvmAddress(intent.to);
      const value = assertUint256(intent.value ?? 0n);
      const data = encodeContractCall(intent);
      refuseUnlimitedAllowanceCall(data);
      return { kind: 'CONTRACT_CALL', to, value, data };
    }
    case 'BATCH':
      // An EOA transaction makes exactly one call; atomic batches need a smart account or EIP-7702.
      throw new WaiaasError('CHAIN__UNSUPPORTED', { chain: 'evm', feature: 'An atomic batch from a plain EVM account' });
  }
}

/** EVM has no memo field, and calldata to a contract would call it: refuse rather than drop silently. */
function refuseMemo(memo: string | undefined): void {
  if (memo !== undefined) throw new WaiaasError('CHAIN__UNSUPPORTED', { chain: 'evm', feature: 'A memo' });
}
