import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EvmSigner, type Keystore, initKeystore } from '../../../signer/src/keystore/index.js';

export interface EvmWallets {
  keystore: Keystore;
  /** A fresh EVM key from the real keystore (Argon2id, guarded memory): no test holds key bytes. */
  create(): Promise<EvmSigner>;
  remove(): void;
}

/** A real keystore in a temp directory; `remove` locks it and deletes the directory. */
export async function createEvmWallets(): Promise<EvmWallets> {
  const dir = mkdtempSync(join(tmpdir(), 'waiaas-evm-'));
  const keystore = await initKeystore(join(dir, 'keystore'), Buffer.from('correct horse battery staple', 'utf8'));
  return {
    keystore,
    async create() {
      const walletId = randomUUID();
      await keystore.createKey(walletId, 'evm');
      const signer = keystore.signerFor(walletId);
      if (signer.chain !== 'evm') throw new Error('the keystore handed out a non-EVM signer');
      return signer;
    },
    remove() {
      keystore.lock();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
