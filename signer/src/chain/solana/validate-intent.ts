import { AccountRole, type Address, isAddress } from '@solana/kit';
import { WaiaasError } from '@waiaas/protocol';
import type { TransactionIntent } from '../chain-adapter.js';

export const U64_MAX = 2n ** 64n - 1n;

/** One intent, checked and typed for Solana: what the rest of build works from. */
export type SolanaCall =
  | { type: 'TRANSFER'; to: Address; amount: bigint; memo?: string }
  | { type: 'TOKEN_TRANSFER'; mint: Address; to: Address; amount: bigint; memo?: string }
  | { type: 'APPROVE'; mint: Address; spender: Address; amount: bigint }
  | { type: 'CONTRACT_CALL'; program: Address; accounts: { address: Address; role: AccountRole }[]; data: Uint8Array };

type SingleIntent = Exclude<TransactionIntent, { type: 'BATCH' }>;

/**
 * Checks an intent before anything touches the network or a key: every address is base58 of 32
 * bytes, every amount fits 1..u64::MAX, approvals are never unlimited, and a program call asks
 * no signature the wallet cannot give. A BATCH becomes its calls, in order.
 */
export function validateIntent(from: string, intent: TransactionIntent): { from: Address; calls: SolanaCall[] } {
  const payer = solanaAddress(from);
  if (intent.type !== 'BATCH') return { from: payer, calls: [validateCall(payer, intent)] };
  if (intent.calls.length === 0) throw invalidCall('the batch holds no calls');
  return { from: payer, calls: intent.calls.map((call) => validateCall(payer, call)) };
}

function validateCall(from: Address, intent: SingleIntent): SolanaCall {
  switch (intent.type) {
    case 'TRANSFER':
      return { type: 'TRANSFER', to: solanaAddress(intent.to), amount: amount(intent.amount), ...memo(intent.memo) };
    case 'TOKEN_TRANSFER':
      return {
        type: 'TOKEN_TRANSFER',
        mint: solanaAddress(intent.token),
        to: solanaAddress(intent.to),
        amount: amount(intent.amount),
        ...memo(intent.memo),
      };
    case 'APPROVE':
      if (intent.amount === U64_MAX) {
        throw invalidCall('an unlimited approval (u64::MAX) is refused; approve the amount needed');
      }
      return { type: 'APPROVE', mint: solanaAddress(intent.token), spender: solanaAddress(intent.spender), amount: amount(intent.amount) };
    case 'CONTRACT_CALL':
      return validateProgramCall(from, intent);
  }
}

function validateProgramCall(from: Address, intent: Extract<SingleIntent, { type: 'CONTRACT_CALL' }>): SolanaCall {
  const program = solanaAddress(intent.to);
  if (intent.abi !== undefined || intent.functionName !== undefined || intent.args !== undefined) {
    throw invalidCall('a Solana program call takes base64 instruction data, not an ABI');
  }
  if (intent.value !== undefined && intent.value !== 0n) {
    throw invalidCall('a Solana program call carries no value; add a TRANSFER to a BATCH instead');
  }
  const accounts = (intent.accounts ?? []).map(({ address, isSigner, isWritable }) => {
    const account = solanaAddress(address);
    if (isSigner && account !== from) throw invalidCall(`account ${account} would have to sign, but only ${from} signs`);
    const role = isSigner
      ? isWritable ? AccountRole.WRITABLE_SIGNER : AccountRole.READONLY_SIGNER
      : isWritable ? AccountRole.WRITABLE : AccountRole.READONLY;
    return { address: account, role };
  });
  return { type: 'CONTRACT_CALL', program, accounts, data: base64Bytes(intent.data ?? '') };
}

export function solanaAddress(value: string): Address {
  if (!isAddress(value)) throw new WaiaasError('CHAIN__INVALID_ADDRESS', { address: value, chain: 'solana' });
  return value;
}

function amount(value: bigint): bigint {
  if (value <= 0n) throw invalidCall(`the amount must be positive, not ${value}`);
  if (value > U64_MAX) throw invalidCall(`the amount ${value} does not fit in a u64`);
  return value;
}

function memo(text: string | undefined): { memo?: string } {
  return text === undefined || text === '' ? {} : { memo: text };
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function base64Bytes(data: string): Uint8Array {
  if (!BASE64.test(data)) throw invalidCall('the instruction data is not base64');
  return new Uint8Array(Buffer.from(data, 'base64'));
}

export function invalidCall(reason: string): WaiaasError<'CHAIN__INVALID_CALL'> {
  return new WaiaasError('CHAIN__INVALID_CALL', { reason });
}
