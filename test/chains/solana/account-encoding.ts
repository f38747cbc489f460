import { type Address, type EncodedAccount, getBase64Decoder, isAddress, isSome } from '@solana/kit';
import { AccountState, TOKEN_PROGRAM_ADDRESS, getMintDecoder, getTokenDecoder } from '@solana-program/token';
import type { LiteSVM } from 'litesvm';
import { JsonRpcError } from './json-rpc-server.js';

/** What a validator reports as rentEpoch for every rent-exempt account. */
const RENT_EXEMPT_EPOCH = 2n ** 64n - 1n;
export const TOKEN_ACCOUNT_SIZE = 165;
export const API_VERSION = '3.0.0';

export const withContext = (slot: bigint, value: unknown) => ({ context: { apiVersion: API_VERSION, slot }, value });

export function addressParam(value: unknown): Address {
  if (typeof value !== 'string' || !isAddress(value)) throw new JsonRpcError(-32602, 'Invalid param: Invalid');
  return value;
}

export function configParam(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** Only base64 is implemented; asking for anything else is a bug in the caller worth seeing. */
export function assertBase64Encoding(config: Record<string, unknown>): void {
  if (config.encoding !== undefined && config.encoding !== 'base64') {
    throw new JsonRpcError(-32602, `Invalid params: this local node only speaks base64, not ${String(config.encoding)}`);
  }
}

export function existingAccount(svm: LiteSVM, address: Address): EncodedAccount | null {
  const account = svm.getAccount(address);
  return account.exists ? account : null;
}

export function base64Account(account: EncodedAccount) {
  return {
    data: [getBase64Decoder().decode(account.data), 'base64'],
    executable: account.executable,
    lamports: account.lamports,
    owner: account.programAddress,
    rentEpoch: RENT_EXEMPT_EPOCH,
    space: BigInt(account.data.length),
  };
}

/** An SPL Token account as `encoding: 'jsonParsed'` shows it. */
export function jsonParsedTokenAccount(svm: LiteSVM, account: EncodedAccount) {
  const token = getTokenDecoder().decode(account.data);
  const mint = existingAccount(svm, token.mint);
  const decimals = mint ? getMintDecoder().decode(mint.data).decimals : 0;
  const info = {
    isNative: isSome(token.isNative),
    mint: token.mint,
    owner: token.owner,
    state: token.state === AccountState.Frozen ? 'frozen' : token.state === AccountState.Initialized ? 'initialized' : 'uninitialized',
    tokenAmount: tokenAmount(token.amount, decimals),
    ...(isSome(token.delegate)
      ? { delegate: token.delegate.value, delegatedAmount: tokenAmount(token.delegatedAmount, decimals) }
      : {}),
  };
  return {
    ...base64Account(account),
    data: { program: 'spl-token', parsed: { info, type: 'account' }, space: BigInt(TOKEN_ACCOUNT_SIZE) },
  };
}

export function isTokenAccount(account: EncodedAccount): boolean {
  return account.programAddress === TOKEN_PROGRAM_ADDRESS && account.data.length === TOKEN_ACCOUNT_SIZE;
}

function tokenAmount(amount: bigint, decimals: number) {
  const scale = 10n ** BigInt(decimals);
  const fraction = (amount % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
  const uiAmountString = fraction ? `${amount / scale}.${fraction}` : `${amount / scale}`;
  return { amount: amount.toString(), decimals, uiAmount: Number(uiAmountString), uiAmountString };
}
