import sodium from 'sodium-native';
import { WaiaasError } from '@waiaas/protocol';
import { GuardedBytes } from './guarded-bytes.js';

/** Argon2id cost. libsodium's Argon2id always runs with parallelism 1. */
export interface KdfParams {
  memoryKiB: number;
  iterations: number;
}

/** The floor, and the default: above OWASP's Argon2id minimum (m = 19 MiB, t = 2). */
export const MIN_KDF_PARAMS: Readonly<KdfParams> = Object.freeze({ memoryKiB: 65_536, iterations: 3 });
export const DEFAULT_KDF_PARAMS: Readonly<KdfParams> = MIN_KDF_PARAMS;

/**
 * Sanity ceilings, so a master.json edited to ask for terabytes or hours is refused as malformed
 * instead of exhausting the machine.
 */
export const MAX_KDF_MEMORY_KIB = 4 * 1024 * 1024;
export const MAX_KDF_ITERATIONS = 64;

export const SALT_BYTES = 16;
export const MASTER_KEY_BYTES = 32;

export function isWeakKdf(params: KdfParams): boolean {
  return params.memoryKiB < MIN_KDF_PARAMS.memoryKiB || params.iterations < MIN_KDF_PARAMS.iterations;
}

/** Refuses parameters below the floor: a tamper that weakens the KDF must not be usable. */
export function assertStrongKdf(params: KdfParams, file: string): void {
  if (isWeakKdf(params)) {
    throw new WaiaasError('KEYSTORE__WEAK_KDF_PARAMS', {
      file,
      memoryKiB: params.memoryKiB,
      iterations: params.iterations,
    });
  }
}

/**
 * Derives the master key with Argon2id straight into guarded memory (the reason we use libsodium's
 * Argon2id rather than the argon2 package: the key never exists outside guarded pages). Runs on
 * libuv's thread pool, so the event loop keeps serving while it works.
 */
export function deriveMasterKey(password: Buffer, salt: Buffer, params: KdfParams): Promise<GuardedBytes> {
  return GuardedBytes.createAsync(
    MASTER_KEY_BYTES,
    (out) =>
      new Promise<void>((resolve, reject) => {
        sodium.crypto_pwhash_async(
          out,
          password,
          salt,
          params.iterations,
          params.memoryKiB * 1024,
          sodium.crypto_pwhash_ALG_ARGON2ID13,
          (error) => (error ? reject(error) : resolve()),
        );
      }),
  );
}
