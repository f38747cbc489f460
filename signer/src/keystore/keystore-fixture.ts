/*
 * Test helpers for the keystore's own tests (not part of the module's surface): a real keystore in
 * a temp directory, copies of it to tamper with, and white-box access to what a key file stores.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isWaiaasError, type WaiaasError } from '@waiaas/protocol';
import { openEnvelope } from './envelope.js';
import { deriveMasterKey } from './kdf.js';
import { KeyRecord } from './key-record.js';
import { MasterRecord } from './master-record.js';

export const PASSWORD = 'correct horse battery staple';
export const password = (): Buffer => Buffer.from(PASSWORD, 'utf8');

/** UUID v7 wallet ids, as the signer makes them. */
export const SOLANA_ID = '01936f1a-0b7c-7a10-8f00-5c1a9e2d4b01';
export const EVM_ID = '01936f1a-0b7c-7a10-8f00-5c1a9e2d4b02';
export const SOLANA_ID_2 = '01936f1a-0b7c-7a10-8f00-5c1a9e2d4b03';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'waiaas-keystore-'));
}

/** A copy of keystore `dir`, modes preserved, to break without touching the original. */
export function copyKeystore(dir: string): string {
  const copy = join(tempDir(), 'keystore');
  cpSync(dir, copy, { recursive: true });
  return copy;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Every file under `dir` by relative path, with its bytes and mode. */
export function snapshot(dir: string, prefix = ''): Map<string, { bytes: Buffer; mode: number }> {
  const files = new Map<string, { bytes: Buffer; mode: number }>();
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const [k, v] of snapshot(dir, rel)) files.set(k, v);
    else files.set(rel, { bytes: readFileSync(join(dir, rel)), mode: statSync(join(dir, rel)).mode & 0o777 });
  }
  return files;
}

export function readJson(dir: string, file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
}

/** Rewrites a file in place (mode kept), as an attacker with write access would. */
export function writeJson(dir: string, file: string, value: unknown): void {
  writeFileSync(join(dir, file), JSON.stringify(value, null, 2));
}

/** `text` (base64) with one bit of its `index`-th decoded byte flipped, re-encoded. */
export function flipBase64Byte(text: string, index = 0): string {
  const bytes = Buffer.from(text, 'base64');
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

/** Awaits or calls `action` and returns the WaiaasError it throws (fails the test otherwise). */
export async function caught(action: Promise<unknown> | (() => unknown)): Promise<WaiaasError> {
  try {
    await (typeof action === 'function' ? action() : action);
  } catch (error) {
    if (isWaiaasError(error)) return error;
    throw error;
  }
  throw new Error('expected a WaiaasError, but nothing was thrown');
}

/**
 * White box: the 32 bytes a key file stores, decrypted the way unlock does. The AAD is spelled out
 * here on purpose, to pin the documented format.
 */
export async function storedSecret(dir: string, walletId: string): Promise<Buffer> {
  const master = MasterRecord.parse(readJson(dir, 'master.json'));
  const record = KeyRecord.parse(readJson(dir, `keys/${walletId}.json`));
  const salt = Buffer.from(master.kdf.salt, 'base64');
  const masterKey = await deriveMasterKey(password(), salt, master.kdf);
  const aad = `waiaas/keystore/key/v1\n${walletId}\n${record.chain}\n${record.address}`;
  const stored = openEnvelope(masterKey, record.cipher, aad);
  masterKey.wipe();
  if (stored === undefined) throw new Error(`cannot decrypt keys/${walletId}.json`);
  const copy = stored.read((bytes) => Buffer.from(bytes));
  stored.wipe();
  return copy;
}
