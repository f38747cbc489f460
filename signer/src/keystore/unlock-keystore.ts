import type { GuardedBytes } from './guarded-bytes.js';
import { type IdentityKey, openOrCreateIdentity, readIdentityRecord } from './identity-key.js';
import { openKeyFile, readKeyFiles } from './key-record.js';
import { type Keystore, createKeystore } from './keystore.js';
import { MASTER_FILE, MasterRecord, openMaster } from './master-record.js';
import { readPrivateRecord } from './private-file.js';
import { SESSION_TOKEN_KEY, SecretRecord, openSecretRecord, secretFile } from './secret-record.js';
import type { WalletKey } from './wallet-key.js';

/**
 * Proves the password against master.json's check value, then decrypts the session-token key and
 * every keys/*.json into guarded memory. All or nothing: on any failure everything decrypted so far
 * is wiped, and no file is ever written — except, once, the identity key of a home made before
 * the signer had one.
 */
export async function unlockKeystore(dir: string, password: Buffer): Promise<Keystore> {
  // Every file is read and schema-checked first, so a malformed or exposed one fails before Argon2id.
  const masterRecord = await readPrivateRecord(dir, MASTER_FILE, MasterRecord);
  const sessionRecord = await readPrivateRecord(dir, secretFile(SESSION_TOKEN_KEY), SecretRecord);
  const keyFiles = await readKeyFiles(dir);
  const identityRecord = await readIdentityRecord(dir);

  const { masterKey, kdf } = await openMaster(masterRecord, password);
  let sessionTokenKey: GuardedBytes | undefined;
  const keys: WalletKey[] = [];
  let identityKey: IdentityKey | undefined;
  try {
    sessionTokenKey = openSecretRecord(masterKey, SESSION_TOKEN_KEY, sessionRecord);
    for (const keyFile of keyFiles) keys.push(openKeyFile(masterKey, keyFile));
    identityKey = await openOrCreateIdentity(dir, masterKey, identityRecord);
  } catch (error) {
    for (const key of keys) key.wipe();
    identityKey?.wipe();
    sessionTokenKey?.wipe();
    masterKey.wipe();
    throw error;
  }
  return createKeystore({ dir, masterKey, kdf, sessionTokenKey, keys, identityKey });
}
