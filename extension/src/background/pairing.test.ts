import { webcrypto } from 'node:crypto';
import { owner } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import type { PairingInfo } from '../port/messages.js';
import { toBase64Url } from './base64url.js';
import { createDeviceKeys, createMemoryKeyPairStore } from './device-keys.js';
import { createPairing, extensionOriginOf, type FetchLike, signerIdentityOf } from './pairing.js';
import { pairingMac } from './pairing-mac.js';
import { createMemoryStorageItem } from './storage-item.js';

const subtle = webcrypto.subtle as SubtleCrypto;
const CODE = 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX';
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const DEVICE_ID = '01936a5c-0000-7000-8000-000000000001';
const IDENTITY_KEY = toBase64Url(new Uint8Array(32).fill(7));

/** A signer's pairing route that checks the request MAC as the real one does, and can be told to lie. */
function fakeSigner(opts: { responseCode?: string; refuse?: { status: number; code: string; message: string } } = {}) {
  const calls: { url: string; body: owner.PairRequest }[] = [];
  const fetch: FetchLike = async (url, init) => {
    const body = owner.PairRequest.parse(JSON.parse(init.body));
    calls.push({ url, body });
    if (opts.refuse) {
      const { status, code, message } = opts.refuse;
      return { ok: false, status, json: async () => ({ error: { code, message, context: {} } }) };
    }
    const transcript = owner.pairRequestTranscript({ origin: ORIGIN, algorithm: body.publicKey.algorithm, spki: body.publicKey.spki, name: body.name, nonce: body.nonce });
    expect(await pairingMac(subtle, 'ABCDEFGHIJKLMNOPQRSTUVWX', transcript)).toBe(body.mac);
    const code = (opts.responseCode ?? CODE).replace(/-/g, '');
    const mac = await pairingMac(subtle, code, owner.pairResponseTranscript({ requestMac: body.mac, deviceId: DEVICE_ID, identityKey: IDENTITY_KEY }));
    return { ok: true, status: 200, json: async () => ({ deviceId: DEVICE_ID, identityKey: IDENTITY_KEY, fingerprint: 'ab12', signerIdentity: signerIdentityOf(IDENTITY_KEY), mac }) };
  };
  return { fetch, calls };
}

function setup(fetch: FetchLike) {
  const keyStore = createMemoryKeyPairStore();
  const item = createMemoryStorageItem<PairingInfo | null>(null);
  const deviceKeys = createDeviceKeys(subtle, keyStore);
  const pairing = createPairing({
    fetch,
    subtle,
    randomBytes: (n) => webcrypto.getRandomValues(new Uint8Array(n)),
    deviceKeys,
    pairing: item,
    extensionOrigin: ORIGIN,
    now: () => new Date('2026-11-21T10:00:00.000Z'),
  });
  return { pairing, item, deviceKeys };
}

describe('pairing', () => {
  it('sends a MACed request with a fresh Ed25519 key, checks the answer and pins the identity key', async () => {
    const signer = fakeSigner();
    const { pairing, item, deviceKeys } = setup(signer.fetch);
    const info = await pairing.pair('http://127.0.0.1:3100/', 'abcd efgh ijkl mnop qrst uvwx', ' Work laptop ');
    expect(signer.calls[0]?.url).toBe('http://127.0.0.1:3100/v1/owner/pair');
    expect(signer.calls[0]?.body.publicKey.algorithm).toBe('Ed25519');
    expect(info).toEqual({
      signerUrl: 'http://127.0.0.1:3100',
      deviceId: DEVICE_ID,
      identityKey: IDENTITY_KEY,
      signerIdentity: signerIdentityOf(IDENTITY_KEY),
      deviceName: 'Work laptop',
      pairedAt: '2026-11-21T10:00:00.000Z',
    });
    expect(item.peek()).toEqual(info);
    expect((await deviceKeys.current())?.spki).toBe(signer.calls[0]?.body.publicKey.spki);
  });

  it('refuses a signer that cannot prove it holds the code, and keeps nothing', async () => {
    const { pairing, item, deviceKeys } = setup(fakeSigner({ responseCode: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA' }).fetch);
    await expect(pairing.pair('http://127.0.0.1:3100', CODE, 'laptop')).rejects.toMatchObject({
      code: 'COMPANION__PAIRING_MAC_MISMATCH',
      message: 'The signer did not prove it holds the pairing code: this is not the signer that printed it. Nothing was paired.',
    });
    expect(item.peek()).toBeNull();
    expect(await deviceKeys.current()).toBeNull();
  });

  it("passes the signer's refusal through with its own code and message", async () => {
    const refuse = { status: 401, code: 'PAIRING__CODE_MISMATCH', message: 'The pairing code does not match.' };
    const { pairing } = setup(fakeSigner({ refuse }).fetch);
    await expect(pairing.pair('http://127.0.0.1:3100', CODE, 'laptop')).rejects.toMatchObject({ code: refuse.code, message: refuse.message });
  });

  it('says the signer is unreachable when the request cannot be made', async () => {
    const { pairing } = setup(async () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(pairing.pair('http://localhost:3100', CODE, 'laptop')).rejects.toMatchObject({
      code: 'COMPANION__SIGNER_UNREACHABLE',
      message: 'Could not reach the signer at http://localhost:3100/v1/owner/pair: Failed to fetch',
    });
  });

  it('refuses an address off loopback and a code of the wrong shape before sending anything', async () => {
    const signer = fakeSigner();
    const { pairing } = setup(signer.fetch);
    await expect(pairing.pair('http://10.0.0.2:3100', CODE, 'laptop')).rejects.toMatchObject({ code: 'COMPANION__SIGNER_URL_INVALID' });
    await expect(pairing.pair('http://127.0.0.1:3100', 'ABCD-1234', 'laptop')).rejects.toMatchObject({ code: 'COMPANION__PAIRING_CODE_INVALID' });
    expect(signer.calls).toEqual([]);
  });

  it('unpair forgets the pairing and the device key', async () => {
    const { pairing, item, deviceKeys } = setup(fakeSigner().fetch);
    await pairing.pair('http://127.0.0.1:3100', CODE, 'laptop');
    await pairing.unpair();
    expect(item.peek()).toBeNull();
    expect(await deviceKeys.current()).toBeNull();
  });

  it("derives the extension's origin from its root URL in both browsers", () => {
    expect(extensionOriginOf('chrome-extension://abcdefghijklmnop/')).toBe('chrome-extension://abcdefghijklmnop');
    expect(extensionOriginOf('moz-extension://0f3a1c2e-1111-4222-8333-944445555666/')).toBe('moz-extension://0f3a1c2e-1111-4222-8333-944445555666');
  });
});
