import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { WaiaasError } from '@waiaas/protocol';
import { writeRecordAtomic } from './atomic-file.js';
import { IDENTITY_KEY, createIdentityRecord, identityKeyFromSeed } from './identity-key.js';
import { type KdfParams, DEFAULT_KDF_PARAMS } from './kdf.js';
import { KEYS_DIR } from './key-record.js';
import { type Keystore, createKeystore } from './keystore.js';
import { MASTER_FILE, createMaster } from './master-record.js';
import { SECRETS_DIR, SESSION_TOKEN_KEY, generateSecret, sealSecretRecord, secretFile } from './secret-record.js';

/** A keystore exists once its master.json does: init writes that file last. */
export function keystoreExists(dir: string): boolean {
  return existsSync(join(dir, MASTER_FILE));
}

/**
 * Creates a keystore in `dir` (made 0700 if missing): master.json with a new salt, and the
 * session-token key and the signer's identity key. Refuses a directory that already holds a keystore or key files.
 */
export async function initKeystore(
  dir: string,
  password: Buffer,
  kdf: KdfParams = DEFAULT_KDF_PARAMS,
): Promise<Keystore> {
  if (keystoreExists(dir) || (await holdsKeyFiles(dir))) throw alreadyInitialized(dir);
  const { masterKey, kdf: masterKdf, record } = await createMaster(password, kdf);
  const sessionTokenKey = generateSecret();
  const identity = createIdentityRecord(masterKey);
  try {
    for (const sub of [dir, join(dir, KEYS_DIR), join(dir, SECRETS_DIR)]) {
      await mkdir(sub, { recursive: true, mode: 0o700 });
    }
    // master.json goes last, and without replacing: a crash before it leaves a directory that init
    // can simply run over again, and of two racing inits only one can win.
    const sessionRecord = sealSecretRecord(masterKey, SESSION_TOKEN_KEY, sessionTokenKey);
    await writeRecordAtomic(dir, secretFile(SESSION_TOKEN_KEY), sessionRecord, { replace: true });
    await writeRecordAtomic(dir, secretFile(IDENTITY_KEY), identity.record, { replace: true });
    await writeRecordAtomic(dir, MASTER_FILE, record, { replace: false }).catch((error: unknown) => {
      throw (error as NodeJS.ErrnoException).code === 'EEXIST' ? alreadyInitialized(dir) : error;
    });
  } catch (error) {
    masterKey.wipe();
    sessionTokenKey.wipe();
    identity.seed.wipe();
    throw error;
  }
  const identityKey = identityKeyFromSeed(identity.seed);
  return createKeystore({ dir, masterKey, kdf: masterKdf, sessionTokenKey, keys: [], identityKey });
}

/** Key files without a master.json (someone deleted it) could never be decrypted again: refuse. */
async function holdsKeyFiles(dir: string): Promise<boolean> {
  try {
    return (await readdir(join(dir, KEYS_DIR))).some((name) => name.endsWith('.json'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

// No KEYSTORE__ code says "already exists" yet; HOME__ALREADY_INITIALIZED carries the same meaning.
function alreadyInitialized(dir: string): WaiaasError {
  return new WaiaasError('KEYSTORE__ALREADY_INITIALIZED', { dir });
}
