import type { AgentSigner, Chain } from './agent-signer.js';
import { createEvmSigner, evmPrivateKeyFromBytes, generateEvmPrivateKey } from './evm-signer.js';
import type { GuardedBytes, Synchronous } from './guarded-bytes.js';
import { createSolanaSigner, generateSolanaSecretKey, solanaSecretKeyFromSeed, solanaSeed } from './solana-signer.js';

/**
 * One wallet's key in guarded memory with the signer that is the only way to use it. What the key
 * file stores is 32 bytes for both chains: the Ed25519 seed, or the secp256k1 private key.
 */
export interface WalletKey {
  readonly walletId: string;
  readonly chain: Chain;
  readonly address: string;
  readonly signer: AgentSigner;
  /** Runs synchronous `use` on the 32 stored bytes, inside a guarded-memory read window. */
  readStored<T>(use: (stored: Buffer) => T, ...synchronous: Synchronous<T>): T;
  wipe(): void;
}

export function generateWalletKey(walletId: string, chain: Chain): WalletKey {
  return chain === 'solana'
    ? solanaWalletKey(walletId, generateSolanaSecretKey())
    : evmWalletKey(walletId, generateEvmPrivateKey());
}

/** Rebuilds a key from its stored bytes; undefined if they are not a valid key for `chain`. */
export function walletKeyFromStored(walletId: string, chain: Chain, stored: Buffer): WalletKey | undefined {
  if (chain === 'solana') return solanaWalletKey(walletId, solanaSecretKeyFromSeed(stored));
  const privateKey = evmPrivateKeyFromBytes(stored);
  return privateKey && evmWalletKey(walletId, privateKey);
}

function solanaWalletKey(walletId: string, secretKey: GuardedBytes): WalletKey {
  const signer = createSolanaSigner(walletId, secretKey);
  return {
    walletId,
    chain: 'solana',
    address: signer.address,
    signer,
    readStored: (use, ...synchronous) => secretKey.read((bytes) => use(solanaSeed(bytes)), ...synchronous),
    wipe: () => secretKey.wipe(),
  };
}

function evmWalletKey(walletId: string, privateKey: GuardedBytes): WalletKey {
  const signer = createEvmSigner(walletId, privateKey);
  return {
    walletId,
    chain: 'evm',
    address: signer.address,
    signer,
    readStored: (use, ...synchronous) => privateKey.read(use, ...synchronous),
    wipe: () => privateKey.wipe(),
  };
}
