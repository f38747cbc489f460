import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import sodium from 'sodium-native';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initKeystore, type Keystore, unlockKeystore } from './index.js';
import { caught, password, readJson, removeDir, tempDir } from './keystore-fixture.js';

const MESSAGE = new TextEncoder().encode('waiaas/owner-challenge/v1 test');
const verifies = (signature: Uint8Array, publicKey: Uint8Array) =>
  sodium.crypto_sign_verify_detached(Buffer.from(signature), Buffer.from(MESSAGE), Buffer.from(publicKey));

describe("the signer's identity key", { timeout: 60_000 }, () => {
  let root: string;
  let dir: string;
  let keystore: Keystore;

  beforeAll(async () => {
    root = tempDir();
    dir = join(root, 'keystore');
    keystore = await initKeystore(dir, password());
  }, 30_000);

  afterAll(() => removeDir(root));

  it('is created by init as an encrypted secret record and signs Ed25519', () => {
    const record = readJson(dir, 'secrets/identity-key.json');
    expect(record).toMatchObject({ version: 1, cipher: { algorithm: 'aes-256-gcm' } });
    const identity = keystore.identity();
    expect(identity.publicKey).toHaveLength(32);
    expect(verifies(identity.sign(MESSAGE), identity.publicKey)).toBe(true);
  });

  it('is the same key after the keystore is unlocked again', async () => {
    const unlocked = await unlockKeystore(dir, password());
    expect(Buffer.from(unlocked.identity().publicKey)).toEqual(Buffer.from(keystore.identity().publicKey));
    unlocked.lock();
  });

  it('is created on the first unlock of a home made before identity keys, then kept', async () => {
    const older = join(tempDir(), 'keystore');
    (await initKeystore(older, password())).lock();
    unlinkSync(join(older, 'secrets/identity-key.json'));
    const first = await unlockKeystore(older, password());
    const created = Buffer.from(first.identity().publicKey);
    expect(verifies(first.identity().sign(MESSAGE), created)).toBe(true);
    first.lock();
    const second = await unlockKeystore(older, password());
    expect(Buffer.from(second.identity().publicKey)).toEqual(created);
    second.lock();
    removeDir(join(older, '..'));
  });

  it('is refused with KEYSTORE__LOCKED once the keystore is locked', async () => {
    const signer = keystore.identity();
    keystore.lock();
    expect((await caught(() => keystore.identity())).code).toBe('KEYSTORE__LOCKED');
    expect((await caught(() => signer.sign(MESSAGE))).code).toBe('KEYSTORE__LOCKED');
  });
});
