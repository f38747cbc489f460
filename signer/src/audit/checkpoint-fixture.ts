/*
 * Test helpers for the checkpoint tests (not part of the module's surface): Owner wallets with
 * real keys, signing what the wallet would show, and the checkpoint steps wired to a real database.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { getBase58Decoder } from '@solana/kit';
import { type CosignRequest, cosignText, cosignTypedData } from '@waiaas/protocol';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { createCosignNonces } from '../owner/cosign-nonces.js';
import { createOwnerStore } from '../owner/owner-store.js';
import type { Db } from '../db/open-database.js';
import type { AuditLog } from './audit-log.js';
import { createAuditStore } from './audit-store.js';
import { KEY } from './audit-fixture.js';
import { createCheckpointStore } from './checkpoint-store.js';
import type { SignCheckpointDeps } from './sign-checkpoint.js';
import { verifyAuditLog } from './verify-audit-log.js';

export interface TestOwnerWallet {
  chain: 'solana' | 'evm';
  address: string;
  sign(request: CosignRequest): Promise<string>;
}

export function solanaWallet(): TestOwnerWallet {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const base58 = getBase58Decoder();
  return {
    chain: 'solana',
    address: base58.decode(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32)),
    sign: async (request) => base58.decode(sign(null, Buffer.from(cosignText(request.fields), 'utf8'), privateKey)),
  };
}

export function evmWallet(): TestOwnerWallet {
  const account = privateKeyToAccount(generatePrivateKey());
  return { chain: 'evm', address: account.address, sign: (request) => account.signTypedData(cosignTypedData(request.fields)) };
}

export const SIGNER = 'ed25519:7aD2r8YxL7xQmEwC4vQ3PpLbS1nq2Kf5x8Ue9yW3hT6k';

/** The checkpoint steps and the verification as the daemon wires them, over `db`. */
export function checkpointSetup(db: Db, audit: AuditLog, clock: { now: number }, signer = SIGNER) {
  const store = createAuditStore(db);
  const checkpoints = createCheckpointStore(db);
  const verify = () => verifyAuditLog({ store, checkpoints, auditKey: () => KEY, signerIdentity: () => signer });
  const deps: SignCheckpointDeps = {
    owner: createOwnerStore(db),
    nonces: createCosignNonces(db),
    audit,
    store,
    checkpoints,
    verify,
    signerIdentity: () => signer,
    atomically: (fn) => db.transaction(fn).immediate(),
    now: () => clock.now,
  };
  return { deps, verify };
}
