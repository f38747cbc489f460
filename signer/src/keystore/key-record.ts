import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Chain, WaiaasError } from '@waiaas/protocol';
import { z } from 'zod';
import { Envelope, openEnvelope, sealEnvelope } from './envelope.js';
import type { GuardedBytes } from './guarded-bytes.js';
import { readPrivateRecord } from './private-file.js';
import { type WalletKey, walletKeyFromStored } from './wallet-key.js';

export const KEYS_DIR = 'keys';

/** keys/<walletId>.json: one wallet's key, encrypted under the master key. */
export const KeyRecord = z.strictObject({
  version: z.literal(1),
  walletId: z.string(),
  chain: Chain,
  address: z.string().max(64),
  cipher: Envelope,
});
export type KeyRecord = z.infer<typeof KeyRecord>;

export interface KeyFile {
  readonly file: string;
  readonly walletId: string;
  readonly record: KeyRecord;
}

/**
 * Wallet ids become file names, so only characters that cannot leave keys/ are allowed. The signer's
 * ids are UUID v7, which fit.
 */
const WALLET_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function isValidWalletId(walletId: string): boolean {
  return WALLET_ID.test(walletId);
}

export function keyFile(walletId: string): string {
  return `${KEYS_DIR}/${walletId}.json`;
}

/** Binds every field, so editing one, or moving a file under another wallet's name, fails to decrypt. */
function keyAad(walletId: string, chain: Chain, address: string): string {
  return `waiaas/keystore/key/v1\n${walletId}\n${chain}\n${address}`;
}

export function sealKeyRecord(masterKey: GuardedBytes, key: WalletKey): KeyRecord {
  const aad = keyAad(key.walletId, key.chain, key.address);
  const cipher = key.readStored((stored) => sealEnvelope(masterKey, stored, aad));
  return { version: 1, walletId: key.walletId, chain: key.chain, address: key.address, cipher };
}

/** Reads and schema-checks every key file, without decrypting anything. Dot-files (temp files) are skipped. */
export async function readKeyFiles(dir: string): Promise<KeyFile[]> {
  const names = (await listKeysDir(dir)).filter((name) => !name.startsWith('.')).sort();
  const files: KeyFile[] = [];
  for (const name of names) {
    const file = `${KEYS_DIR}/${name}`;
    const walletId = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
    if (!isValidWalletId(walletId)) {
      throw new WaiaasError('KEYSTORE__MALFORMED', { file, reason: 'its name is not <walletId>.json' });
    }
    files.push({ file, walletId, record: await readPrivateRecord(dir, file, KeyRecord) });
  }
  return files;
}

async function listKeysDir(dir: string): Promise<string[]> {
  try {
    return await readdir(join(dir, KEYS_DIR));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new WaiaasError('KEYSTORE__MALFORMED', { file: KEYS_DIR, reason: 'it does not exist' });
  }
}

/** Decrypts one key into guarded memory. Any sign of tampering is KEYSTORE__TAMPERED. */
export function openKeyFile(masterKey: GuardedBytes, { file, walletId, record }: KeyFile): WalletKey {
  // The AAD takes the wallet id from the file name, so a file copied under another name fails too.
  const aad = keyAad(walletId, record.chain, record.address);
  const stored = record.walletId === walletId ? openEnvelope(masterKey, record.cipher, aad) : undefined;
  if (stored === undefined) throw new WaiaasError('KEYSTORE__TAMPERED', { file });
  let key: WalletKey | undefined;
  try {
    key = stored.read((bytes) => walletKeyFromStored(walletId, record.chain, bytes));
  } finally {
    stored.wipe();
  }
  // Authenticated bytes always rebuild the recorded address; this only guards against our own bugs.
  if (key === undefined || key.address !== record.address) {
    key?.wipe();
    throw new WaiaasError('KEYSTORE__TAMPERED', { file });
  }
  return key;
}
