import { statSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { getBase58Decoder } from '@solana/kit';
import { SignJWT, jwtVerify } from 'jose';
import sodium from 'sodium-native';
import { type Hex, numberToHex, recoverAddress, toHex } from 'viem';
import { privateKeyToAddress, sign } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvmSigner, Keystore, SolanaSigner } from './index.js';
import { initKeystore, keystoreExists, unlockKeystore } from './index.js';
import {
  EVM_ID,
  PASSWORD,
  SOLANA_ID,
  caught,
  password,
  removeDir,
  snapshot,
  storedSecret,
  tempDir,
} from './keystore-fixture.js';

const SECP256K1_HALF_N = 0x7fffffff_ffffffff_ffffffff_ffffffff_5d576e73_57a4501d_dfe92f46_681b20a0n;
const HASH = new Uint8Array(32).fill(7);
const MESSAGE = new TextEncoder().encode('transfer 1 SOL');

describe('a keystore', { timeout: 30_000 }, () => {
  let root: string;
  let dir: string;
  let keystore: Keystore;
  let solanaAddress: string;
  let evmAddress: string;

  beforeAll(async () => {
    root = tempDir();
    dir = join(root, 'keystore');
    keystore = await initKeystore(dir, password());
    solanaAddress = (await keystore.createKey(SOLANA_ID, 'solana')).address;
    evmAddress = (await keystore.createKey(EVM_ID, 'evm')).address;
  }, 30_000);

  afterAll(() => removeDir(root));

  it('exists once initialised, and init refuses to run over it', async () => {
    expect(keystoreExists(dir)).toBe(true);
    expect(keystoreExists(join(root, 'elsewhere'))).toBe(false);
    const error = await caught(initKeystore(dir, password()));
    expect(error.code).toBe('KEYSTORE__ALREADY_INITIALIZED');
    expect(error.message).toBe(`${dir} already holds a keystore; refusing to overwrite it.`);
  });

  it('signs Solana messages with an Ed25519 key whose base58 public key is the address', async () => {
    const signer = keystore.signerFor(SOLANA_ID) as SolanaSigner;
    expect(signer).toMatchObject({ walletId: SOLANA_ID, chain: 'solana', address: solanaAddress });
    expect(getBase58Decoder().decode(signer.publicKey)).toBe(solanaAddress);
    const signature = await signer.signMessage(MESSAGE);
    expect(signature).toHaveLength(64);
    expect(ed25519Verifies(signature, MESSAGE, signer.publicKey)).toBe(true);
  });

  it('signs EVM hashes with low-s secp256k1 signatures that recover to the checksummed address', async () => {
    const signer = keystore.signerFor(EVM_ID) as EvmSigner;
    expect(signer).toMatchObject({ walletId: EVM_ID, chain: 'evm', address: evmAddress });
    expect(evmAddress).toMatch(/^0x[0-9a-fA-F]{40}$/);
    const { r, s, yParity } = await signer.signHash(HASH);
    expect(s <= SECP256K1_HALF_N).toBe(true);
    const signature = { r: numberToHex(r, { size: 32 }), s: numberToHex(s, { size: 32 }), yParity };
    expect(await recoverAddress({ hash: toHex(HASH), signature })).toBe(evmAddress);
    await expect(signer.signHash(new Uint8Array(31))).rejects.toThrow('signHash takes a 32-byte hash, not 31 bytes.');
  });

  it('stores exactly the keys it signs with, and never their bytes in any form', async () => {
    const seed = await storedSecret(dir, SOLANA_ID);
    const secretKey = Buffer.alloc(64);
    const publicKey = Buffer.alloc(32);
    sodium.crypto_sign_seed_keypair(publicKey, secretKey, seed);
    expect(new Uint8Array(publicKey)).toEqual((keystore.signerFor(SOLANA_ID) as SolanaSigner).publicKey);

    const privateKey = toHex(await storedSecret(dir, EVM_ID));
    expect(privateKeyToAddress(privateKey)).toBe(evmAddress);
    const ours = await (keystore.signerFor(EVM_ID) as EvmSigner).signHash(HASH);
    const viems = await sign({ hash: toHex(HASH), privateKey });
    expect(numberToHex(ours.r, { size: 32 })).toBe(viems.r);

    const secrets = [seed, secretKey, Buffer.from(privateKey.slice(2), 'hex'), Buffer.from(PASSWORD)];
    const forbidden = secrets.flatMap(secretForms);
    for (const [file, { bytes }] of snapshot(dir)) {
      for (const form of forbidden) expect(bytes.indexOf(form), `${file} holds a key`).toBe(-1);
    }
  });

  it('writes every file 0600 in directories 0700', () => {
    for (const sub of ['', 'keys', 'secrets']) expect(statSync(join(dir, sub)).mode & 0o777).toBe(0o700);
    const files = snapshot(dir);
    expect([...files.keys()].sort()).toEqual(
      [`keys/${EVM_ID}.json`, `keys/${SOLANA_ID}.json`, 'master.json', 'secrets/identity-key.json', 'secrets/session-token-key.json'].sort(),
    );
    for (const { mode } of files.values()) expect(mode).toBe(0o600);
  });

  it('refuses to overwrite a key or to use an id that is not a safe file name', async () => {
    const before = snapshot(dir);
    await expect(keystore.createKey(SOLANA_ID, 'evm')).rejects.toThrow(
      `The keystore already holds a key for wallet ${SOLANA_ID}; keys are never overwritten.`,
    );
    await expect(keystore.createKey('../escape', 'evm')).rejects.toThrow(RangeError);
    expect(snapshot(dir)).toEqual(before);
  });

  it('reports unknown wallets as KEYSTORE__KEY_NOT_FOUND', async () => {
    expect(keystore.hasKey(SOLANA_ID)).toBe(true);
    expect(keystore.hasKey('unknown')).toBe(false);
    const error = await caught(() => keystore.signerFor('unknown'));
    expect(error.code).toBe('KEYSTORE__KEY_NOT_FOUND');
    expect(error.message).toBe('The keystore holds no key for wallet unknown.');
    expect(error.context).toEqual({ walletId: 'unknown' });
  });

  it('verifies the master password without changing anything', async () => {
    expect(await keystore.verifyPassword(password())).toBe(true);
    expect(await keystore.verifyPassword(Buffer.from('correct horse battery stapler'))).toBe(false);
    expect(keystore.locked).toBe(false);
  });

  it('unlocks again with the same keys and the same session-token key', async () => {
    const unlocked = await unlockKeystore(dir, password());
    expect(unlocked.signerFor(SOLANA_ID).address).toBe(solanaAddress);
    expect(unlocked.signerFor(EVM_ID).address).toBe(evmAddress);
    const signature = await (unlocked.signerFor(SOLANA_ID) as SolanaSigner).signMessage(MESSAGE);
    const publicKey = (keystore.signerFor(SOLANA_ID) as SolanaSigner).publicKey;
    expect(ed25519Verifies(signature, MESSAGE, publicKey)).toBe(true);

    const jwt = new SignJWT({ sub: 'session' }).setProtectedHeader({ alg: 'HS256' });
    const token = await jwt.sign(keystore.sessionTokenKey());
    const { payload } = await jwtVerify(token, unlocked.sessionTokenKey());
    expect(payload.sub).toBe('session');
    expect(unlocked.sessionTokenKey()).toMatchObject({ type: 'secret', symmetricKeySize: 32 });
    unlocked.lock();
  });

  it('shows no secret when inspected (and inspecting does not touch guarded pages)', () => {
    const everything = [keystore, keystore.signerFor(SOLANA_ID), keystore.signerFor(EVM_ID)];
    const shown = inspect(everything, { depth: 10, showHidden: true });
    expect(shown).not.toMatch(/secure|SecureBuffer/);
  });

  it('after lock, wipes everything and answers every call with KEYSTORE__LOCKED', async () => {
    const solana = keystore.signerFor(SOLANA_ID) as SolanaSigner;
    const evm = keystore.signerFor(EVM_ID) as EvmSigner;
    keystore.lock();
    keystore.lock();
    expect(keystore.locked).toBe(true);
    const errors = [
      await caught(solana.signMessage(MESSAGE)),
      await caught(evm.signHash(HASH)),
      await caught(() => keystore.signerFor(SOLANA_ID)),
      await caught(() => keystore.hasKey(SOLANA_ID)),
      await caught(() => keystore.sessionTokenKey()),
      await caught(keystore.createKey('01936f1a-0b7c-7a10-8f00-5c1a9e2d4b09', 'solana')),
      await caught(keystore.verifyPassword(password())),
    ];
    for (const error of errors) {
      expect(error.code).toBe('KEYSTORE__LOCKED');
      expect(error.message).toBe('The keystore is locked.');
      expect(error.context).toEqual({});
    }
  });
});

describe('initKeystore', { timeout: 30_000 }, () => {
  it('refuses Argon2id parameters below the minimum before deriving anything', async () => {
    const root = tempDir();
    const error = await caught(initKeystore(join(root, 'keystore'), password(), { memoryKiB: 65_536, iterations: 2 }));
    expect(error.code).toBe('KEYSTORE__WEAK_KDF_PARAMS');
    expect(error.message).toBe(
      'Keystore file master.json asks for Argon2id m=65536 KiB, t=2, below the minimum (m ≥ 65536, t ≥ 3); ' +
        'refusing to use it.',
    );
    expect(keystoreExists(join(root, 'keystore'))).toBe(false);
    removeDir(root);
  });

  it('rejects parameters that are not integers or are beyond the sanity ceiling', async () => {
    const dir = join(tempDir(), 'keystore');
    await expect(initKeystore(dir, password(), { memoryKiB: 65_536, iterations: 3.5 })).rejects.toThrow(
      'Argon2id parameters must be integers with m ≤ 4194304 KiB and t ≤ 64.',
    );
    const huge = { memoryKiB: 8 * 1024 * 1024, iterations: 3 };
    await expect(initKeystore(dir, password(), huge)).rejects.toThrow(RangeError);
    removeDir(join(dir, '..'));
  });

  it('accepts stronger parameters, which unlock then reads from master.json', async () => {
    const root = tempDir();
    const dir = join(root, 'keystore');
    (await initKeystore(dir, password(), { memoryKiB: 65_536, iterations: 4 })).lock();
    const unlocked = await unlockKeystore(dir, password());
    expect(await unlocked.verifyPassword(password())).toBe(true);
    unlocked.lock();
    removeDir(root);
  });
});

function ed25519Verifies(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  return sodium.crypto_sign_verify_detached(Buffer.from(signature), Buffer.from(message), Buffer.from(publicKey));
}

/** The raw bytes of a secret and the text encodings a careless writer might have used. */
function secretForms(bytes: Buffer): Buffer[] {
  const hex: Hex = toHex(bytes);
  return [
    bytes,
    Buffer.from(hex.slice(2)),
    Buffer.from(hex.slice(2).toUpperCase()),
    Buffer.from(bytes.toString('base64')),
    Buffer.from(bytes.toString('base64url')),
    Buffer.from(getBase58Decoder().decode(bytes)),
  ];
}
