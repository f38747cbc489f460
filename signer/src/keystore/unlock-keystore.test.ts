import { chmodSync, copyFileSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WaiaasError } from '@waiaas/protocol';
import { toHex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initKeystore, unlockKeystore } from './index.js';
import {
  EVM_ID,
  PASSWORD,
  SOLANA_ID,
  SOLANA_ID_2,
  caught,
  copyKeystore,
  flipBase64Byte,
  password,
  readJson,
  removeDir,
  snapshot,
  storedSecret,
  tempDir,
  writeJson,
} from './keystore-fixture.js';

const solanaFile = `keys/${SOLANA_ID}.json`;
const tamperedMessage = (file: string) =>
  `Keystore file ${file} failed its integrity check: it was modified or corrupted. Nothing was changed.`;

describe('unlockKeystore', { timeout: 60_000 }, () => {
  let root: string;
  let original: string;
  const copies: string[] = [];
  const seen: WaiaasError[] = [];

  beforeAll(async () => {
    root = tempDir();
    original = join(root, 'keystore');
    const keystore = await initKeystore(original, password());
    await keystore.createKey(SOLANA_ID, 'solana');
    await keystore.createKey(EVM_ID, 'evm');
    await keystore.createKey(SOLANA_ID_2, 'solana');
    keystore.lock();
  }, 30_000);

  afterAll(() => {
    for (const dir of [root, ...copies]) removeDir(dir);
  });

  /** Copies the keystore, lets `tamper` break the copy, and returns unlock's error; asserts no file changed. */
  async function unlockAfter(tamper: (dir: string) => void, pass = password()): Promise<WaiaasError> {
    const dir = copyKeystore(original);
    copies.push(join(dir, '..'));
    tamper(dir);
    const before = snapshot(dir);
    const error = await caught(unlockKeystore(dir, pass));
    expect(snapshot(dir)).toEqual(before);
    seen.push(error);
    return error;
  }

  function otherSolanaAddress(): unknown {
    return readJson(original, `keys/${SOLANA_ID_2}.json`).address;
  }

  function editKeyFile(file: string, edit: (record: Record<string, unknown>) => void) {
    return (dir: string) => {
      const record = readJson(dir, file);
      edit(record);
      writeJson(dir, file, record);
    };
  }

  function editCipher(field: 'iv' | 'ciphertext' | 'tag') {
    return editKeyFile(solanaFile, (record) => {
      const cipher = record.cipher as Record<string, string>;
      cipher[field] = flipBase64Byte(cipher[field] ?? '', 3);
    });
  }

  it('says KEYSTORE__WRONG_PASSWORD for a wrong password, and changes nothing', async () => {
    const error = await unlockAfter(() => {}, Buffer.from('Correct horse battery staple'));
    expect(error.code).toBe('KEYSTORE__WRONG_PASSWORD');
    expect(error.message).toBe('The master password is wrong (or the keystore master record was altered).');
    expect(error.context).toEqual({});
  });

  it.each(['iv', 'ciphertext', 'tag'] as const)('says KEYSTORE__TAMPERED when a bit of the %s flips', async (field) => {
    const error = await unlockAfter(editCipher(field));
    expect(error.code).toBe('KEYSTORE__TAMPERED');
    expect(error.message).toBe(tamperedMessage(solanaFile));
    expect(error.context).toEqual({ file: solanaFile });
  });

  it.each([
    ['walletId', (record: Record<string, unknown>) => (record.walletId = SOLANA_ID_2)],
    ['address', (record: Record<string, unknown>) => (record.address = otherSolanaAddress())],
    ['chain', (record: Record<string, unknown>) => (record.chain = 'evm')],
  ])('says KEYSTORE__TAMPERED when the %s field is edited', async (_field, edit) => {
    const error = await unlockAfter(editKeyFile(solanaFile, edit));
    expect(error.message).toBe(tamperedMessage(solanaFile));
  });

  it('says KEYSTORE__TAMPERED when two key files are swapped', async () => {
    const error = await unlockAfter((dir) => {
      const other = `keys/${SOLANA_ID_2}.json`;
      copyFileSync(join(dir, solanaFile), join(dir, 'swap'));
      copyFileSync(join(dir, other), join(dir, solanaFile));
      copyFileSync(join(dir, 'swap'), join(dir, other));
      unlinkSync(join(dir, 'swap'));
    });
    expect(error.message).toBe(tamperedMessage(solanaFile));
  });

  it("says KEYSTORE__TAMPERED when another wallet's file is renamed to this wallet, id edited to match", async () => {
    const error = await unlockAfter((dir) => {
      const record = readJson(dir, `keys/${SOLANA_ID_2}.json`);
      writeJson(dir, solanaFile, { ...record, walletId: SOLANA_ID });
    });
    expect(error.message).toBe(tamperedMessage(solanaFile));
  });

  it('says KEYSTORE__TAMPERED when the session-token key is altered', async () => {
    const file = 'secrets/session-token-key.json';
    const error = await unlockAfter(editKeyFile(file, (record) => {
      const cipher = record.cipher as Record<string, string>;
      cipher.tag = flipBase64Byte(cipher.tag ?? '');
    }));
    expect(error.message).toBe(tamperedMessage(file));
  });

  it('treats an altered check value as a wrong password: the password cannot be proved', async () => {
    const error = await unlockAfter(editKeyFile('master.json', (record) => {
      const check = record.check as Record<string, string>;
      check.ciphertext = flipBase64Byte(check.ciphertext ?? '');
    }));
    expect(error.code).toBe('KEYSTORE__WRONG_PASSWORD');
  });

  it('says KEYSTORE__MALFORMED for truncated, garbage and wrongly shaped files', async () => {
    const truncated = await unlockAfter((dir) => {
      writeFileSync(join(dir, solanaFile), readFileSync(join(dir, solanaFile)).subarray(0, 40));
    });
    expect(truncated.message).toBe(`Keystore file ${solanaFile} is unreadable: it is not valid JSON.`);
    expect(truncated.context).toEqual({ file: solanaFile, reason: 'it is not valid JSON' });

    const garbage = await unlockAfter((dir) => writeFileSync(join(dir, 'master.json'), Buffer.from([0xff, 0, 0x7b])));
    expect(garbage.message).toBe('Keystore file master.json is unreadable: it is not valid JSON.');

    const shape = await unlockAfter(editKeyFile(solanaFile, (record) => (record.version = 2)));
    expect(shape.message).toBe(`Keystore file ${solanaFile} is unreadable: version: Invalid input: expected 1.`);

    const shortIv = await unlockAfter(
      editKeyFile(solanaFile, (record) => ((record.cipher as Record<string, string>).iv = 'AAAA')),
    );
    expect(shortIv.message).toBe(`Keystore file ${solanaFile} is unreadable: cipher.iv: must encode 12 bytes.`);

    const stray = await unlockAfter((dir) => writeFileSync(join(dir, 'keys/notes.txt'), 'hello', { mode: 0o600 }));
    expect(stray.message).toBe('Keystore file keys/notes.txt is unreadable: its name is not <walletId>.json.');

    const missing = await unlockAfter((dir) => unlinkSync(join(dir, 'secrets/session-token-key.json')));
    expect(missing.message).toBe('Keystore file secrets/session-token-key.json is unreadable: it does not exist.');

    const nothing = await caught(unlockKeystore(join(root, 'nothing-here'), password()));
    expect(nothing.message).toBe('Keystore file master.json is unreadable: it does not exist.');

    const link = await unlockAfter((dir) => {
      unlinkSync(join(dir, solanaFile));
      symlinkSync(join(original, solanaFile), join(dir, solanaFile));
    });
    expect(link.message).toBe(`Keystore file ${solanaFile} is unreadable: it is a symbolic link.`);
  });

  it('says KEYSTORE__WEAK_KDF_PARAMS when master.json is edited to a cheaper Argon2id', async () => {
    const error = await unlockAfter(editKeyFile('master.json', (record) => {
      (record.kdf as Record<string, number>).memoryKiB = 65_535;
    }));
    expect(error.code).toBe('KEYSTORE__WEAK_KDF_PARAMS');
    expect(error.message).toBe(
      'Keystore file master.json asks for Argon2id m=65535 KiB, t=3, below the minimum (m ≥ 65536, t ≥ 3); ' +
        'refusing to use it.',
    );
    expect(error.context).toEqual({ file: 'master.json', memoryKiB: 65_535, iterations: 3 });
  });

  it('says KEYSTORE__INSECURE_PERMISSIONS for a key file that others can read', async () => {
    const error = await unlockAfter((dir) => chmodSync(join(dir, solanaFile), 0o644));
    expect(error.code).toBe('KEYSTORE__INSECURE_PERMISSIONS');
    expect(error.message).toBe(
      `Keystore file ${solanaFile} has mode 0644; it must not be readable by group or others (chmod 600).`,
    );
    expect(error.context).toEqual({ file: solanaFile, mode: '0644' });
  });

  it('never puts a key or the password in an error message or context', async () => {
    const secrets = [await storedSecret(original, SOLANA_ID), await storedSecret(original, EVM_ID)];
    const forbidden = [PASSWORD, ...secrets.flatMap((s) => [toHex(s).slice(2), s.toString('base64')])];
    expect(seen.length).toBeGreaterThan(10);
    for (const error of seen) {
      const text = `${error.message} ${JSON.stringify(error.context)} ${error.stack ?? ''}`;
      for (const secret of forbidden) expect(text).not.toContain(secret);
    }
  });
});
