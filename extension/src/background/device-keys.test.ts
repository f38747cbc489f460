import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, utf8 } from './base64url.js';
import { createDeviceKeys, createMemoryKeyPairStore } from './device-keys.js';

const subtle = webcrypto.subtle as SubtleCrypto;

describe('device keys', () => {
  it('generates a non-extractable Ed25519 key that signs verifiably, kept only when asked', async () => {
    const store = createMemoryKeyPairStore();
    const keys = createDeviceKeys(subtle, store);
    const fresh = await keys.generate();
    expect(fresh.algorithm).toBe('Ed25519');
    expect(await keys.current()).toBeNull();
    await fresh.keep();
    const kept = await keys.current();
    expect(kept?.spki).toBe(fresh.spki);
    expect((await store.get())?.keyPair.privateKey.extractable).toBe(false);

    const signature = await (kept?.sign(utf8('hello')) ?? Promise.reject(new Error('no key')));
    const publicKey = await subtle.importKey('spki', fromBase64Url(fresh.spki), { name: 'Ed25519' }, false, ['verify']);
    expect(await subtle.verify({ name: 'Ed25519' }, publicKey, fromBase64Url(signature), utf8('hello'))).toBe(true);
    expect(await subtle.verify({ name: 'Ed25519' }, publicKey, fromBase64Url(signature), utf8('hellO'))).toBe(false);
  });

  it('forget removes the key', async () => {
    const keys = createDeviceKeys(subtle, createMemoryKeyPairStore());
    await (await keys.generate()).keep();
    await keys.forget();
    expect(await keys.current()).toBeNull();
  });
});
