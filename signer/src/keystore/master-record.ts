import { randomBytes } from 'node:crypto';
import { WaiaasError } from '@waiaas/protocol';
import { z } from 'zod';
import { Envelope, SECRET_BYTES, base64Bytes, openEnvelope, sealEnvelope } from './envelope.js';
import type { GuardedBytes } from './guarded-bytes.js';
import {
  type KdfParams,
  MAX_KDF_ITERATIONS,
  MAX_KDF_MEMORY_KIB,
  SALT_BYTES,
  assertStrongKdf,
  deriveMasterKey,
} from './kdf.js';

export const MASTER_FILE = 'master.json';
const CHECK_AAD = 'waiaas/keystore/check/v1';

/**
 * master.json: the Argon2id parameters and salt, and a random check value encrypted under the
 * master key so that unlock can tell a wrong password from a tampered key file.
 */
export const MasterRecord = z.strictObject({
  version: z.literal(1),
  kdf: z.strictObject({
    algorithm: z.literal('argon2id'),
    memoryKiB: z.int().max(MAX_KDF_MEMORY_KIB),
    iterations: z.int().max(MAX_KDF_ITERATIONS),
    parallelism: z.literal(1),
    salt: base64Bytes(SALT_BYTES),
  }),
  check: Envelope,
});
export type MasterRecord = z.infer<typeof MasterRecord>;

/** What deriving the master key again (verifyPassword) needs: the stored cost and salt. */
export interface MasterKdf extends KdfParams {
  readonly salt: Buffer;
}

export interface Master {
  readonly masterKey: GuardedBytes;
  readonly kdf: MasterKdf;
}

export async function createMaster(password: Buffer, params: KdfParams): Promise<Master & { record: MasterRecord }> {
  assertStrongKdf(params, MASTER_FILE);
  if (!MasterRecord.shape.kdf.pick({ memoryKiB: true, iterations: true }).safeParse(params).success) {
    throw new RangeError(
      `Argon2id parameters must be integers with m ≤ ${MAX_KDF_MEMORY_KIB} KiB and t ≤ ${MAX_KDF_ITERATIONS}.`,
    );
  }
  const kdf: MasterKdf = { memoryKiB: params.memoryKiB, iterations: params.iterations, salt: randomBytes(SALT_BYTES) };
  const masterKey = await deriveMasterKey(password, kdf.salt, kdf);
  // The check value is random and worthless on its own; only its decryptability matters.
  const check = sealEnvelope(masterKey, randomBytes(SECRET_BYTES), CHECK_AAD);
  const record: MasterRecord = {
    version: 1,
    kdf: {
      algorithm: 'argon2id',
      memoryKiB: kdf.memoryKiB,
      iterations: kdf.iterations,
      parallelism: 1,
      salt: kdf.salt.toString('base64'),
    },
    check,
  };
  return { masterKey, kdf, record };
}

/** Derives the master key from `password` and proves it against the check value. */
export async function openMaster(record: MasterRecord, password: Buffer): Promise<Master> {
  assertStrongKdf(record.kdf, MASTER_FILE);
  const kdf: MasterKdf = {
    memoryKiB: record.kdf.memoryKiB,
    iterations: record.kdf.iterations,
    salt: Buffer.from(record.kdf.salt, 'base64'),
  };
  const masterKey = await deriveMasterKey(password, kdf.salt, kdf);
  const check = openEnvelope(masterKey, record.check, CHECK_AAD);
  if (check === undefined) {
    masterKey.wipe();
    throw new WaiaasError('KEYSTORE__WRONG_PASSWORD');
  }
  check.wipe();
  return { masterKey, kdf };
}
