import { getBase58Decoder, getBase64Encoder, getTransactionDecoder } from '@solana/kit';
import type { Network, SignedTransaction } from '../chain-adapter.js';
import { type SolanaMessage, decodeSolanaMessage } from './decode-message.js';
import { assertSignedFor, invalidPayload } from './solana-payload.js';

/**
 * Reads a persisted signed transaction back, checking that its hash is the fee payer's signature in
 * its raw bytes: confirm watches the hash, so a hash that is not the one sent could call a landed
 * payment "expired" and invite a second one.
 */
export function decodeSignedTransaction(network: Network, tx: SignedTransaction): SolanaMessage {
  assertSignedFor(network, tx);
  let decoded: ReturnType<ReturnType<typeof getTransactionDecoder>['decode']>;
  try {
    decoded = getTransactionDecoder().decode(getBase64Encoder().encode(tx.raw));
  } catch (error) {
    throw invalidPayload('its raw bytes do not decode as a transaction', error);
  }
  const message = decodeSolanaMessage(new Uint8Array(decoded.messageBytes));
  const signature = decoded.signatures[message.feePayer];
  if (!signature || getBase58Decoder().decode(signature) !== tx.hash) {
    throw invalidPayload("its hash is not the fee payer's signature in its raw bytes");
  }
  return message;
}
