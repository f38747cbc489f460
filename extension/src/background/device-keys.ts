/// <reference lib="dom" />
import type { owner } from '@waiaas/protocol';
import { toBase64Url } from './base64url.js';

/** A key pair as it is persisted: CryptoKeys are structured-cloneable, so IndexedDB holds them as they are. */
export interface StoredKeyPair {
  algorithm: owner.DeviceKeyAlgorithm;
  keyPair: CryptoKeyPair;
}

/** Where the device key pair lives between service worker restarts (IndexedDB in the browser). */
export interface KeyPairStore {
  get(): Promise<StoredKeyPair | undefined>;
  put(value: StoredKeyPair): Promise<void>;
  delete(): Promise<void>;
}

/** The device's signing key. The private half is non-extractable: no code, ours included, can read it. */
export interface DeviceKey {
  algorithm: owner.DeviceKeyAlgorithm;
  /** `exportKey('spki')` of the public key, base64url: what the signer stores at pairing. */
  spki: string;
  /** Signs `data`; base64url (ECDSA as IEEE P1363 r‖s, as WebCrypto makes it and the signer expects). */
  sign(data: Uint8Array<ArrayBuffer>): Promise<string>;
}

/** A freshly generated key, kept only once the pairing it was made for succeeded. */
export interface NewDeviceKey extends DeviceKey {
  keep(): Promise<void>;
}

export interface DeviceKeys {
  /** The kept key, or null before pairing (or after unpairing). */
  current(): Promise<DeviceKey | null>;
  generate(): Promise<NewDeviceKey>;
  forget(): Promise<void>;
}

const PARAMS = {
  Ed25519: { generate: { name: 'Ed25519' }, sign: { name: 'Ed25519' } },
  'ECDSA-P256': { generate: { name: 'ECDSA', namedCurve: 'P-256' }, sign: { name: 'ECDSA', hash: 'SHA-256' } },
} as const satisfies Record<owner.DeviceKeyAlgorithm, { generate: Algorithm | EcKeyGenParams; sign: Algorithm | EcdsaParams }>;

export function createDeviceKeys(subtle: SubtleCrypto, store: KeyPairStore): DeviceKeys {
  const wrap = async ({ algorithm, keyPair }: StoredKeyPair): Promise<DeviceKey> => ({
    algorithm,
    spki: toBase64Url(await subtle.exportKey('spki', keyPair.publicKey)),
    sign: async (data) => toBase64Url(await subtle.sign(PARAMS[algorithm].sign, keyPair.privateKey, data)),
  });

  const generatePair = async (algorithm: owner.DeviceKeyAlgorithm): Promise<StoredKeyPair> => {
    // extractable: false applies to the private key; the public key stays exportable.
    const keyPair = (await subtle.generateKey(PARAMS[algorithm].generate, false, ['sign', 'verify'])) as CryptoKeyPair;
    return { algorithm, keyPair };
  };

  return {
    async current() {
      const stored = await store.get();
      return stored ? wrap(stored) : null;
    },
    async generate() {
      // Ed25519 in every browser the companion targets; P-256 where an older engine lacks it.
      const stored = await generatePair('Ed25519').catch(() => generatePair('ECDSA-P256'));
      return { ...(await wrap(stored)), keep: () => store.put(stored) };
    },
    forget: () => store.delete(),
  };
}

/** An in-memory store: for tests, and for Node where there is no IndexedDB. */
export function createMemoryKeyPairStore(): KeyPairStore {
  let value: StoredKeyPair | undefined;
  return {
    get: async () => value,
    put: async (next) => void (value = next),
    delete: async () => void (value = undefined),
  };
}
