import { type Base64EncodedWireTransaction, getBase64Decoder } from '@solana/kit';

/**
 * A one-signer transaction in wire format, base64: the signature count as a compact-u16 (1), the
 * 64-byte signature (zeros when unsigned, as simulation accepts), then the message bytes.
 */
export function wireTransaction(messageBytes: Uint8Array, signature: Uint8Array = new Uint8Array(64)): Base64EncodedWireTransaction {
  return getBase64Decoder().decode(new Uint8Array([1, ...signature, ...messageBytes])) as Base64EncodedWireTransaction;
}
