import { WaiaasError } from '@waiaas/protocol';
import {
  type Address,
  type Hash,
  type Hex,
  type TransactionSerializedEIP1559,
  isHex,
  keccak256,
  parseTransaction,
  recoverTransactionAddress,
} from 'viem';
import type { SignedTransaction } from '../chain-adapter.js';

export interface DecodedSignedTransaction {
  raw: TransactionSerializedEIP1559;
  hash: Hash;
  from: Address;
  nonce: number;
  to: Address;
  value: bigint;
  data: Hex;
  gas: bigint;
  /** The most this transaction can take from `from`: value + gas limit × max fee per gas. */
  maxCost: bigint;
}

/**
 * Reads back what a stored SignedTransaction commits to. The sender is recovered from the
 * signature rather than stored, so it cannot disagree with what the chain will see.
 */
export async function decodeSignedTransaction(tx: SignedTransaction, network: string): Promise<DecodedSignedTransaction> {
  if (tx.family !== 'evm' || tx.network !== network) {
    throw invalid(`the transaction was signed for ${tx.family}/${tx.network}, not evm/${network}`);
  }
  const raw = tx.raw;
  if (!isEip1559(raw)) throw invalid('raw is not a signed EIP-1559 transaction');
  const hash = keccak256(raw);
  if (hash !== tx.hash.toLowerCase()) throw invalid('hash is not the keccak256 of raw');
  const parsed = parseTransaction(raw);
  const from = await recoverTransactionAddress({ serializedTransaction: raw });
  const nonce = parsed.nonce ?? 0;
  if (tx.validity.nonce !== undefined && tx.validity.nonce !== nonce) throw invalid('validity.nonce is not the nonce in raw');
  // Every transaction this adapter signs has a recipient; a contract creation is not one of them.
  if (parsed.to === undefined || parsed.to === null) throw invalid('raw has no recipient');
  const value = parsed.value ?? 0n;
  const gas = parsed.gas ?? 0n;
  const maxCost = value + gas * (parsed.maxFeePerGas ?? 0n);
  return { raw, hash, from, nonce, to: parsed.to, value, data: parsed.data ?? '0x', gas, maxCost };
}

function isEip1559(raw: string): raw is TransactionSerializedEIP1559 {
  return raw.startsWith('0x02') && isHex(raw, { strict: true, even: true });
}

function invalid(reason: string): WaiaasError<'CHAIN__INVALID_CALL'> {
  return new WaiaasError('CHAIN__INVALID_CALL', { reason });
}
