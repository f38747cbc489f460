import { type KeyObject, createSecretKey, hkdfSync } from 'node:crypto';
import sodium from 'sodium-native';
import { WaiaasError } from '@waiaas/protocol';
import type { AgentSigner, Chain } from './agent-signer.js';
import { writeRecordAtomic } from './atomic-file.js';
import type { GuardedBytes } from './guarded-bytes.js';
import type { IdentityKey, IdentitySigner } from './identity-key.js';
import { deriveMasterKey } from './kdf.js';
import { isValidWalletId, keyFile, sealKeyRecord } from './key-record.js';
import type { Master } from './master-record.js';
import { type WalletKey, generateWalletKey } from './wallet-key.js';

/**
 * The only holder of key bytes in the signer. It hands out signers, never keys; `lock` wipes every
 * secret, after which every call (signers included) throws KEYSTORE__LOCKED.
 */
export interface Keystore {
  /** Generates a key in guarded memory, stores it encrypted (never overwriting), keeps it unlocked. */
  createKey(walletId: string, chain: Chain): Promise<{ address: string }>;
  /** KEYSTORE__KEY_NOT_FOUND if the keystore holds no key for `walletId`. */
  signerFor(walletId: string): AgentSigner;
  hasKey(walletId: string): boolean;
  /**
   * The HS256 key for agent session JWTs, as an opaque KeyObject. Ask for it per use rather than
   * caching it, so that `lock` takes effect.
   */
  sessionTokenKey(): KeyObject;
  /**
   * The HMAC key of the audit chain: HKDF-SHA256 of the session-token key for its own purpose, so
   * neither key tells anything about the other. Ask for it per use, like `sessionTokenKey`.
   */
  auditKey(): KeyObject;
  /** The signer's own Ed25519 identity (Owner-channel challenges): a signer, never the key. */
  identity(): IdentitySigner;
  /** Runs Argon2id once with the stored salt and compares in constant time with the master key. */
  verifyPassword(password: Buffer): Promise<boolean>;
  lock(): void;
  readonly locked: boolean;
}

/** HKDF info of the audit-chain key; a new version of the chain gets a new info string. */
const AUDIT_KEY_INFO = 'waiaas/audit-chain/v1';

export interface KeystoreState extends Master {
  readonly dir: string;
  readonly sessionTokenKey: GuardedBytes;
  readonly keys: readonly WalletKey[];
  readonly identityKey: IdentityKey;
}

/** Wraps secrets that init or unlock has already decrypted into guarded memory. */
export function createKeystore(state: KeystoreState): Keystore {
  return new UnlockedKeystore(state);
}

class UnlockedKeystore implements Keystore {
  readonly #dir: string;
  readonly #master: Master;
  readonly #sessionTokenKey: GuardedBytes;
  readonly #keys = new Map<string, WalletKey>();
  readonly #identityKey: IdentityKey;
  #locked = false;

  constructor(state: KeystoreState) {
    this.#dir = state.dir;
    this.#master = { masterKey: state.masterKey, kdf: state.kdf };
    this.#sessionTokenKey = state.sessionTokenKey;
    this.#identityKey = state.identityKey;
    for (const key of state.keys) this.#keys.set(key.walletId, key);
  }

  get locked(): boolean {
    return this.#locked;
  }

  async createKey(walletId: string, chain: Chain): Promise<{ address: string }> {
    this.#assertUnlocked();
    if (!isValidWalletId(walletId)) {
      throw new RangeError(`"${walletId}" cannot be a wallet id (want [A-Za-z0-9_-], at most 64).`);
    }
    if (this.#keys.has(walletId)) throw keyExists(walletId);
    const key = generateWalletKey(walletId, chain);
    try {
      const record = sealKeyRecord(this.#master.masterKey, key);
      await writeRecordAtomic(this.#dir, keyFile(walletId), record, { replace: false }).catch((error: unknown) => {
        throw (error as NodeJS.ErrnoException).code === 'EEXIST' ? keyExists(walletId) : error;
      });
      // lock() may have run while the file was being written.
      this.#assertUnlocked();
    } catch (error) {
      key.wipe();
      throw error;
    }
    this.#keys.set(walletId, key);
    return { address: key.address };
  }

  signerFor(walletId: string): AgentSigner {
    this.#assertUnlocked();
    const key = this.#keys.get(walletId);
    if (key === undefined) throw new WaiaasError('KEYSTORE__KEY_NOT_FOUND', { walletId });
    return key.signer;
  }

  hasKey(walletId: string): boolean {
    this.#assertUnlocked();
    return this.#keys.has(walletId);
  }

  sessionTokenKey(): KeyObject {
    this.#assertUnlocked();
    // createSecretKey copies into OpenSSL-owned memory, which Node clears when the object is collected.
    return this.#sessionTokenKey.read((bytes) => createSecretKey(bytes));
  }

  auditKey(): KeyObject {
    this.#assertUnlocked();
    return this.#sessionTokenKey.read((bytes) => {
      const derived = Buffer.from(hkdfSync('sha256', bytes, Buffer.alloc(0), AUDIT_KEY_INFO, 32));
      try {
        return createSecretKey(derived);
      } finally {
        // `derived` views hkdfSync's heap ArrayBuffer: zero it, the KeyObject holds its own copy.
        derived.fill(0);
      }
    });
  }

  identity(): IdentitySigner {
    this.#assertUnlocked();
    return this.#identityKey.signer;
  }

  async verifyPassword(password: Buffer): Promise<boolean> {
    this.#assertUnlocked();
    const { masterKey, kdf } = this.#master;
    const candidate = await deriveMasterKey(password, kdf.salt, kdf);
    try {
      // Throws KEYSTORE__LOCKED if lock() ran during the derivation.
      return candidate.read((a) => masterKey.read((b) => sodium.sodium_memcmp(a, b)));
    } finally {
      candidate.wipe();
    }
  }

  lock(): void {
    this.#locked = true;
    for (const key of this.#keys.values()) key.wipe();
    this.#keys.clear();
    this.#sessionTokenKey.wipe();
    this.#identityKey.wipe();
    this.#master.masterKey.wipe();
  }

  #assertUnlocked(): void {
    if (this.#locked) throw new WaiaasError('KEYSTORE__LOCKED');
  }
}

/*
 * Wallet ids are fresh UUIDs from the signer, so a clash is a bug in the caller; a key is never
 * overwritten. (No error code exists for it yet; see the keystore report.)
 */
function keyExists(walletId: string): Error {
  return new WaiaasError('KEYSTORE__KEY_EXISTS', { walletId });
}
