import type { GetBlockHeightApi, GetSignatureStatusesApi, Rpc } from '@solana/kit';
import type { ConfirmationStatus, Network, SignedTransaction } from '../chain-adapter.js';
import { decodeSignedTransaction } from './decode-signed-transaction.js';
import { assertSignedFor } from './solana-payload.js';
import { describeTransactionError } from './transaction-failure.js';

export interface ConfirmClient {
  network: Network;
  rpc: Rpc<GetBlockHeightApi & GetSignatureStatusesApi>;
}

type LandedStatus = NonNullable<Awaited<ReturnType<typeof landedStatus>>>;

/**
 * confirmed/finalized → confirmed, or failed if it landed with an error (the fee is paid either
 * way); processed → pending; not found → pending until the block height passes
 * lastValidBlockHeight, then expired.
 *
 * The block height is read before the status: if the height is already past the blockhash's
 * validity and the status read afterwards is still empty, no later block can include the
 * transaction, so "expired" is final and a rebuild cannot pay twice.
 */
export async function confirmSolanaTransaction(client: ConfirmClient, tx: SignedTransaction): Promise<ConfirmationStatus> {
  decodeSignedTransaction(client.network, tx);
  const height = await client.rpc.getBlockHeight({ commitment: 'confirmed' }).send();
  const status = await landedStatus(client, tx);
  if (status) return fromStatus(status);
  const lastValid = tx.validity.lastValidBlockHeight;
  return lastValid !== undefined && height > BigInt(lastValid) ? { status: 'expired' } : { status: 'pending' };
}

/** The signature's status if the node has seen it land (searching history: it may be old). */
export async function landedStatus(client: ConfirmClient, tx: SignedTransaction) {
  const signature = assertSignedFor(client.network, tx);
  const { value } = await client.rpc.getSignatureStatuses([signature], { searchTransactionHistory: true }).send();
  return value[0] ?? null;
}

/** Only a confirmed (or finalized) outcome is reported: a processed block may still be dropped. */
function fromStatus(status: LandedStatus): ConfirmationStatus {
  if (status.confirmationStatus !== 'confirmed' && status.confirmationStatus !== 'finalized') return { status: 'pending' };
  if (status.err !== null) return { status: 'failed', reason: describeTransactionError(status.err) };
  return { status: 'confirmed', blockNumber: status.slot };
}
