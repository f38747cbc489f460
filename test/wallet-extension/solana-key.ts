/// <reference lib="dom" />
import { ed25519 } from '@noble/curves/ed25519';
import { INVALID_PARAMS, TestWalletError } from './test-wallet-control.js';

/** The test wallet's one Solana account: signs in the page, with the seed the build baked in. */
export interface SolanaKey {
  readonly address: string;
  readonly publicKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}

export function createSolanaKey(seed: Uint8Array, address: string): SolanaKey {
  const publicKey = ed25519.getPublicKey(seed);
  return { address, publicKey, sign: (message) => ed25519.sign(message, seed) };
}

/** Dapps hand over bytes as Uint8Array; anything else is refused the way Phantom refuses it. */
export function assertIsBytes(value: unknown, what: string): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) throw new TestWalletError(INVALID_PARAMS, `${what} must be a Uint8Array.`);
}

/** A dependency-free 48×48 square, enough for wallet pickers that require an icon. */
export const testWalletIcon = (fill: string): `data:image/svg+xml;base64,${string}` =>
  `data:image/svg+xml;base64,${btoa(`<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48"><rect width="48" height="48" rx="8" fill="${fill}"/></svg>`)}`;
