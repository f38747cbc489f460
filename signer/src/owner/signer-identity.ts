import { getBase58Decoder } from '@solana/kit';

/**
 * How co-sign messages name this signer: its Ed25519 identity public key, the one paired devices
 * pin. A signature made for one signer is then worthless to any other.
 */
export function signerIdentityOf(publicKey: Uint8Array): string {
  return `ed25519:${getBase58Decoder().decode(publicKey)}`;
}
