import {
  type Address,
  type Blockhash,
  type Signature,
  getBase64Decoder,
  getBase64Encoder,
  isAddress,
  isBlockhash,
  isSignature,
} from '@solana/kit';
import { WaiaasError } from '@waiaas/protocol';
import { z } from 'zod';
import type { Network, SignedTransaction, UnsignedTransaction } from '../chain-adapter.js';

/**
 * What build hands the pipeline to persist: the compiled v0 message, byte for byte what will be
 * signed, plus the lifetime facts confirm needs. JSON-safe: bytes base64, u64 as a decimal string.
 */
export const SolanaPayload = z.object({
  format: z.literal('solana-v0-message'),
  message: z.base64(),
  feePayer: z.custom<Address>((v) => typeof v === 'string' && isAddress(v), 'not a Solana address'),
  blockhash: z.custom<Blockhash>((v) => typeof v === 'string' && isBlockhash(v), 'not a blockhash'),
  lastValidBlockHeight: z.string().regex(/^\d+$/),
});
export type SolanaPayload = z.infer<typeof SolanaPayload>;

export interface DecodedPayload {
  messageBytes: Uint8Array;
  feePayer: Address;
  blockhash: Blockhash;
  lastValidBlockHeight: bigint;
}

export function encodeSolanaPayload(decoded: DecodedPayload): SolanaPayload {
  return {
    format: 'solana-v0-message',
    message: getBase64Decoder().decode(decoded.messageBytes),
    feePayer: decoded.feePayer,
    blockhash: decoded.blockhash,
    lastValidBlockHeight: decoded.lastValidBlockHeight.toString(),
  };
}

/** Reads back a persisted payload, refusing one built for another chain family or network. */
export function decodeSolanaPayload(network: Network, tx: UnsignedTransaction): DecodedPayload {
  if (tx.family !== 'solana' || tx.network !== network.name) {
    throw invalidPayload(`it was built for ${tx.family}/${tx.network}, not solana/${network.name}`);
  }
  const parsed = SolanaPayload.safeParse(tx.payload);
  if (!parsed.success) throw invalidPayload('its payload is not a Solana message payload');
  const { message, feePayer, blockhash, lastValidBlockHeight } = parsed.data;
  return {
    messageBytes: new Uint8Array(getBase64Encoder().encode(message)),
    feePayer,
    blockhash,
    lastValidBlockHeight: BigInt(lastValidBlockHeight),
  };
}

/** A signed transaction must be a Solana one for this network, with a signature as its hash. */
export function assertSignedFor(network: Network, tx: SignedTransaction): Signature {
  if (tx.family !== 'solana' || tx.network !== network.name || !isSignature(tx.hash)) {
    throw invalidPayload(`it was signed for ${tx.family}/${tx.network}, not solana/${network.name}`);
  }
  return tx.hash;
}

export function invalidPayload(reason: string, cause?: unknown): WaiaasError<'CHAIN__INVALID_CALL'> {
  return new WaiaasError('CHAIN__INVALID_CALL', { reason: `the transaction cannot be used: ${reason}` }, { cause });
}
