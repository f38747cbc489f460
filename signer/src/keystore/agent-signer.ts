import type { Chain } from '@waiaas/protocol';

export type { Chain };

/**
 * What the keystore hands out instead of keys: a wallet's public identity and the one signing
 * operation its chain needs. Every call throws KEYSTORE__LOCKED once the keystore is locked.
 */
export interface SolanaSigner {
  readonly walletId: string;
  readonly chain: 'solana';
  /** base58 of the Ed25519 public key. */
  readonly address: string;
  /** The 32-byte Ed25519 public key (a fresh copy on each read). */
  readonly publicKey: Uint8Array;
  /** A 64-byte detached Ed25519 signature of `message`. */
  signMessage(message: Uint8Array): Promise<Uint8Array>;
}

export interface EvmSignature {
  r: bigint;
  s: bigint;
  yParity: 0 | 1;
}

export interface EvmSigner {
  readonly walletId: string;
  readonly chain: 'evm';
  /** EIP-55 checksummed. */
  readonly address: `0x${string}`;
  /** A low-s secp256k1 signature of a 32-byte hash (the caller hashes: EIP-191, EIP-712, tx). */
  signHash(hash: Uint8Array): Promise<EvmSignature>;
}

export type AgentSigner = SolanaSigner | EvmSigner;
