import { type TransactionReceipt, TransactionReceiptNotFoundError } from 'viem';
import { call, getBlockNumber, getTransactionCount, getTransactionReceipt } from 'viem/actions';
import type { ConfirmationStatus, SignedTransaction } from '../chain-adapter.js';
import { type DecodedSignedTransaction, decodeSignedTransaction } from './decode-signed-transaction.js';
import type { EvmRpc } from './evm-rpc.js';
import { revertReason } from './revert-reason.js';
import { withRpc } from './rpc-error.js';

/**
 * Receipt → confirmed / failed. No receipt: pending while the sender's mined nonce has not passed
 * this transaction's, expired once it has (another transaction took the nonce: a replacement).
 * `confirmations` blocks (the receipt's included) must exist before "confirmed".
 */
export async function confirmTransaction(rpc: EvmRpc, tx: SignedTransaction, confirmations: number): Promise<ConfirmationStatus> {
  const decoded = await decodeSignedTransaction(tx, rpc.network.name);
  const receipt = await findReceipt(rpc, decoded);
  if (receipt) return fromReceipt(rpc, decoded, receipt, confirmations);
  const mined = await withRpc(rpc.network, () => getTransactionCount(rpc.client, { address: decoded.from, blockTag: 'latest' }));
  if (mined <= decoded.nonce) return { status: 'pending' };
  // The nonce is used. Look again: this very transaction may have been mined since the first look.
  const late = await findReceipt(rpc, decoded);
  return late ? fromReceipt(rpc, decoded, late, confirmations) : { status: 'expired' };
}

async function fromReceipt(
  rpc: EvmRpc,
  decoded: DecodedSignedTransaction,
  receipt: TransactionReceipt,
  confirmations: number,
): Promise<ConfirmationStatus> {
  if (confirmations > 1) {
    const head = await withRpc(rpc.network, () => getBlockNumber(rpc.client, { cacheTime: 0 }));
    if (head - receipt.blockNumber + 1n < BigInt(confirmations)) return { status: 'pending' };
  }
  if (receipt.status === 'success') return { status: 'confirmed', blockNumber: receipt.blockNumber };
  return { status: 'failed', reason: await replayReason(rpc, decoded, receipt.blockNumber) };
}

/**
 * Receipts carry no revert reason. Replaying the call on the state before its block usually finds
 * it; transactions earlier in the same block, or a node without that state, can hide it.
 */
async function replayReason(rpc: EvmRpc, decoded: DecodedSignedTransaction, blockNumber: bigint): Promise<string> {
  const fallback = `reverted in block ${blockNumber}`;
  try {
    await call(rpc.client, {
      account: decoded.from,
      to: decoded.to,
      value: decoded.value,
      data: decoded.data,
      gas: decoded.gas,
      blockNumber: blockNumber - 1n,
    });
    return fallback;
  } catch (error) {
    const reason = revertReason(error);
    return reason ? `${fallback}: ${reason}` : fallback;
  }
}

async function findReceipt(rpc: EvmRpc, decoded: DecodedSignedTransaction): Promise<TransactionReceipt | undefined> {
  try {
    return await withRpc(rpc.network, () => getTransactionReceipt(rpc.client, { hash: decoded.hash }));
  } catch (error) {
    if (error instanceof TransactionReceiptNotFoundError) return undefined;
    throw error;
  }
}
