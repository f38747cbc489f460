import { createHmac, hkdfSync } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initKeystore, type Keystore, unlockKeystore } from './index.js';
import { caught, password, removeDir, tempDir } from './keystore-fixture.js';

const mac = (key: Parameters<typeof createHmac>[1]) => createHmac('sha256', key).update('entry').digest('hex');

describe('the audit key', { timeout: 30_000 }, () => {
  let root: string;
  let dir: string;
  let keystore: Keystore;

  beforeAll(async () => {
    root = tempDir();
    dir = join(root, 'keystore');
    keystore = await initKeystore(dir, password());
  }, 30_000);

  afterAll(() => removeDir(root));

  it('is a 32-byte secret derived with HKDF-SHA256 from the session-token key for the audit chain only', () => {
    const key = keystore.auditKey();
    expect(key).toMatchObject({ type: 'secret', symmetricKeySize: 32 });
    // White box: pins the derivation, so a change to it cannot silently break every existing chain.
    const tokenKey = keystore.sessionTokenKey().export();
    const expected = Buffer.from(hkdfSync('sha256', tokenKey, Buffer.alloc(0), 'waiaas/audit-chain/v1', 32));
    expect(mac(key)).toBe(mac(expected));
    expect(key.equals(keystore.sessionTokenKey())).toBe(false);
  });

  it('is the same after the keystore is unlocked again', async () => {
    const unlocked = await unlockKeystore(dir, password());
    expect(unlocked.auditKey().equals(keystore.auditKey())).toBe(true);
    unlocked.lock();
  });

  it('is refused with KEYSTORE__LOCKED once the keystore is locked', async () => {
    keystore.lock();
    const error = await caught(() => keystore.auditKey());
    expect(error.code).toBe('KEYSTORE__LOCKED');
    expect(error.message).toBe('The keystore is locked.');
  });
});
