import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sodium from 'sodium-native';
import { writeRecordAtomic } from './atomic-file.js';
import { GuardedBytes } from './guarded-bytes.js';
import { readPrivateRecord } from './private-file.js';
import { SecretRecord, generateSecret, openSecretRecord, sealSecretRecord, secretFile } from './secret-record.js';

/** secrets/identity-key.json: the seed of the signer's Ed25519 identity key, which paired Owner devices pin. */
export const IDENTITY_KEY = 'identity-key';

/** Signs as the signer itself (Owner-channel challenges); the key never leaves guarded memory. */
export interface IdentitySigner {
  /** The raw 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}

/** The expanded identity key in guarded memory; the keystore wipes it on lock. */
export interface IdentityKey {
  readonly signer: IdentitySigner;
  wipe(): void;
}

export function identityKeyFromSeed(seed: GuardedBytes): IdentityKey {
  const publicKey = Buffer.alloc(sodium.crypto_sign_PUBLICKEYBYTES);
  let secretKey: GuardedBytes;
  try {
    secretKey = GuardedBytes.create(sodium.crypto_sign_SECRETKEYBYTES, (sk) =>
      seed.read((bytes) => sodium.crypto_sign_seed_keypair(publicKey, sk, bytes)),
    );
  } finally {
    seed.wipe();
  }
  const signer: IdentitySigner = Object.freeze({
    get publicKey() {
      return new Uint8Array(publicKey);
    },
    sign(message: Uint8Array): Uint8Array {
      const signature = Buffer.alloc(sodium.crypto_sign_BYTES);
      secretKey.read((sk) => sodium.crypto_sign_detached(signature, Buffer.from(message), sk));
      return new Uint8Array(signature);
    },
  });
  return { signer, wipe: () => secretKey.wipe() };
}

/** Init: a new identity seed, sealed under the master key (the caller writes the record). */
export function createIdentityRecord(masterKey: GuardedBytes): { seed: GuardedBytes; record: SecretRecord } {
  const seed = generateSecret();
  return { seed, record: sealSecretRecord(masterKey, IDENTITY_KEY, seed) };
}

/** Unlock: reads the record, schema-checked, or undefined for a home made before identity keys existed. */
export async function readIdentityRecord(dir: string): Promise<SecretRecord | undefined> {
  if (!existsSync(join(dir, secretFile(IDENTITY_KEY)))) return undefined;
  return readPrivateRecord(dir, secretFile(IDENTITY_KEY), SecretRecord);
}

/**
 * Unlock: opens the stored identity, or for an older home creates one now and stores it, never
 * replacing a record (two racing unlocks cannot give the signer two identities).
 */
export async function openOrCreateIdentity(dir: string, masterKey: GuardedBytes, record: SecretRecord | undefined): Promise<IdentityKey> {
  if (record) return identityKeyFromSeed(openSecretRecord(masterKey, IDENTITY_KEY, record));
  const created = createIdentityRecord(masterKey);
  try {
    await writeRecordAtomic(dir, secretFile(IDENTITY_KEY), created.record, { replace: false });
  } catch (error) {
    created.seed.wipe();
    throw error;
  }
  return identityKeyFromSeed(created.seed);
}
