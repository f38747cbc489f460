import {
  type Base64EncodedWireTransaction,
  type GetBalanceApi,
  type GetBlockHeightApi,
  type GetSignatureStatusesApi,
  type Rpc,
  SOLANA_ERROR__JSON_RPC__SERVER_ERROR_SEND_TRANSACTION_PREFLIGHT_FAILURE as PREFLIGHT_FAILURE,
  SOLANA_ERROR__TRANSACTION_ERROR__ALREADY_PROCESSED as ALREADY_PROCESSED,
  SOLANA_ERROR__TRANSACTION_ERROR__BLOCKHASH_NOT_FOUND as BLOCKHASH_NOT_FOUND,
  type SendTransactionApi,
  isSolanaError,
} from '@solana/kit';
import { WaiaasError } from '@waiaas/protocol';
import type { Network, SignedTransaction } from '../chain-adapter.js';
import { landedStatus } from './confirm-transaction.js';
import type { SolanaMessage } from './decode-message.js';
import { decodeSignedTransaction } from './decode-signed-transaction.js';
import { rpcUnavailable } from './solana-rpc.js';
import { isInsufficientLamports, programLogReason } from './transaction-failure.js';

export interface SubmitClient {
  network: Network;
  rpc: Rpc<SendTransactionApi & GetSignatureStatusesApi & GetBlockHeightApi & GetBalanceApi>;
  /** Send without the node's simulation (failures then land, fee paid, and show in confirm). */
  skipPreflight: boolean;
}

/**
 * Sends the signed bytes. Idempotent: the node refuses a signature it has already processed, and
 * that refusal is success here; so is a "blockhash not found" for a transaction that has landed
 * (a re-send after a restart, once its blockhash has aged out).
 */
export async function submitSolanaTransaction(client: SubmitClient, tx: SignedTransaction): Promise<void> {
  const message = decodeSignedTransaction(client.network, tx);
  try {
    await client.rpc
      .sendTransaction(tx.raw as Base64EncodedWireTransaction, {
        encoding: 'base64',
        skipPreflight: client.skipPreflight,
        preflightCommitment: 'confirmed',
      })
      .send();
  } catch (error) {
    if (!isSolanaError(error, PREFLIGHT_FAILURE)) throw refused(tx, error);
    await preflightFailed(client, tx, message, error.cause, error.context.logs);
  }
}

async function preflightFailed(
  client: SubmitClient,
  tx: SignedTransaction,
  message: SolanaMessage,
  cause: unknown,
  logs: unknown,
): Promise<void> {
  if (isSolanaError(cause, ALREADY_PROCESSED)) return;
  if (isSolanaError(cause, BLOCKHASH_NOT_FOUND)) return blockhashNotFound(client, tx);
  if (isInsufficientLamports(cause, message)) {
    const { value: available } = await client.rpc.getBalance(message.feePayer, { commitment: 'confirmed' }).send();
    throw new WaiaasError('CHAIN__INSUFFICIENT_FUNDS', {
      address: message.feePayer,
      asset: 'native',
      needed: `more than ${available}`,
      available: available.toString(),
    });
  }
  const explanation = programLogReason(logs);
  const reason = cause instanceof Error ? cause.message : 'the node rejected it in simulation';
  throw new WaiaasError('CHAIN__SIMULATION_FAILED', { reason: explanation ? `${reason} (${explanation})` : reason }, { cause });
}

/**
 * "Blockhash not found" means expired only once the chain is past lastValidBlockHeight. Before
 * that, the node is behind (or on another fork) and the transaction may still land: saying
 * "expired" then would invite a rebuild and a second payment, so it is "node unavailable, retry".
 */
async function blockhashNotFound(client: SubmitClient, tx: SignedTransaction): Promise<void> {
  const height = await client.rpc.getBlockHeight({ commitment: 'confirmed' }).send();
  if (await landedStatus(client, tx)) return;
  const lastValid = tx.validity.lastValidBlockHeight;
  if (lastValid !== undefined && height > BigInt(lastValid)) {
    throw new WaiaasError('CHAIN__BLOCKHASH_EXPIRED', { network: client.network.name });
  }
  throw rpcUnavailable(client.network, `the node does not know the transaction's blockhash yet (block height ${height})`);
}

/** The node judged the transaction itself (bad signature, unsupported version, …): permanent. */
function refused(tx: SignedTransaction, error: unknown): unknown {
  if (error instanceof WaiaasError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new WaiaasError('CHAIN__TRANSACTION_FAILED', { hash: tx.hash, reason: `the node refused it: ${reason}` }, { cause: error });
}
