import { WaiaasError } from '@waiaas/protocol';
import { type Hash, TransactionNotFoundError } from 'viem';
import { getBalance, getTransaction, sendRawTransaction } from 'viem/actions';
import type { SignedTransaction } from '../chain-adapter.js';
import { decodeSignedTransaction } from './decode-signed-transaction.js';
import type { EvmRpc } from './evm-rpc.js';
import { nodeMessage, toRpcUnavailable, withRpc } from './rpc-error.js';

export type SubmitTransactionErrorCode =
  | 'CHAIN__RPC_UNAVAILABLE'
  | 'CHAIN__NONCE_TOO_LOW'
  | 'CHAIN__INSUFFICIENT_FUNDS'
  | 'CHAIN__INVALID_CALL';

/** How geth, anvil, Nethermind, Erigon and Besu say "I already have this very transaction". */
const ALREADY_KNOWN = /already known|already imported|known transaction|alreadyknown|already exists|already in (the )?mempool/;
/** …and "that nonce is taken" (by this transaction or, once the checks below fail, another one). */
const NONCE_TAKEN = /nonce too low|nonce has already been used|oldnonce|replacement transaction underpriced/;

/**
 * eth_sendRawTransaction, idempotently. The nonce makes a second payment impossible on chain; what
 * matters here is to report success, not an error, when the node already holds or has mined this
 * exact transaction, so that a retry after a crash or a timeout does not fail a transaction that
 * in fact went through.
 */
export async function submitTransaction(rpc: EvmRpc, tx: SignedTransaction): Promise<void> {
  const decoded = await decodeSignedTransaction(tx, rpc.network.name);
  try {
    await sendRawTransaction(rpc.client, { serializedTransaction: decoded.raw });
    return;
  } catch (error) {
    const unavailable = toRpcUnavailable(rpc.network, error);
    if (unavailable) throw unavailable;
    const message = nodeMessage(error);
    if (ALREADY_KNOWN.test(message)) return;
    if (await isKnown(rpc, decoded.hash)) return;
    if (NONCE_TAKEN.test(message)) {
      throw new WaiaasError('CHAIN__NONCE_TOO_LOW', { address: decoded.from, nonce: decoded.nonce }, { cause: error });
    }
    if (/insufficient funds/.test(message)) {
      const available = await withRpc(rpc.network, () => getBalance(rpc.client, { address: decoded.from }));
      throw new WaiaasError(
        'CHAIN__INSUFFICIENT_FUNDS',
        { address: decoded.from, asset: 'native', needed: decoded.maxCost.toString(), available: available.toString() },
        { cause: error },
      );
    }
    throw error;
  }
}

/** Pending or mined: either way the node has this exact transaction. */
async function isKnown(rpc: EvmRpc, hash: Hash): Promise<boolean> {
  try {
    await withRpc(rpc.network, () => getTransaction(rpc.client, { hash }));
    return true;
  } catch (error) {
    if (error instanceof TransactionNotFoundError) return false;
    throw error;
  }
}
