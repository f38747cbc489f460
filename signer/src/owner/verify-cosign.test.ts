import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBase58Decoder } from '@solana/kit';
import { type CosignFields, cosignText, cosignTypedData, isWaiaasError } from '@waiaas/protocol';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { createCosignNonces } from './cosign-nonces.js';
import { verifyCosign } from './verify-cosign.js';

const fields: CosignFields = {
  action: 'approve',
  summary: 'Approve: Send 1.5 SOL to 9xQe… from agent wallet bot on solana-devnet',
  amount: '1.5 SOL',
  recipient: '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin',
  network: 'solana-devnet',
  wallet: 'bot (4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T)',
  digest: 'a'.repeat(64),
  signer: 'ed25519:4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T',
  nonce: '0123456789abcdef0123456789abcdef',
  issuedAt: '2026-11-21T10:00:00.000Z',
  expiresAt: '2026-11-21T11:00:00.000Z',
};

const codeOf = async (p: Promise<unknown>) => p.then(() => 'verified', (e: unknown) => (isWaiaasError(e) ? e.code : String(e)));

function solanaOwner() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const base58 = getBase58Decoder();
  return {
    owner: { chain: 'solana' as const, address: base58.decode(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32)) },
    sign: (f: CosignFields) => base58.decode(sign(null, Buffer.from(cosignText(f)), privateKey)),
  };
}

describe('verifyCosign', () => {
  it('accepts a Solana Owner signing exactly the rendered text, and nothing else', async () => {
    const { owner, sign } = solanaOwner();
    expect(await codeOf(verifyCosign(owner, fields, sign(fields)))).toBe('verified');
    expect(await codeOf(verifyCosign(owner, { ...fields, digest: 'b'.repeat(64) }, sign(fields)))).toBe('COSIGN__INVALID_SIGNATURE');
    expect(await codeOf(verifyCosign(owner, { ...fields, action: 'reject' }, sign(fields)))).toBe('COSIGN__INVALID_SIGNATURE');
    expect(await codeOf(verifyCosign(solanaOwner().owner, fields, sign(fields)))).toBe('COSIGN__INVALID_SIGNATURE');
    expect(await codeOf(verifyCosign(owner, fields, 'not base58 0OIl'))).toBe('COSIGN__INVALID_SIGNATURE');
  });

  it('accepts an EVM Owner signing the EIP-712 rendering, and refuses another nonce or signer', async () => {
    const account = privateKeyToAccount(generatePrivateKey());
    const owner = { chain: 'evm' as const, address: account.address };
    const signature = await account.signTypedData(cosignTypedData(fields));
    expect(await codeOf(verifyCosign(owner, fields, signature))).toBe('verified');
    expect(await codeOf(verifyCosign(owner, { ...fields, nonce: 'f'.repeat(32) }, signature))).toBe('COSIGN__INVALID_SIGNATURE');
    expect(await codeOf(verifyCosign({ chain: 'evm', address: privateKeyToAccount(generatePrivateKey()).address }, fields, signature))).toBe('COSIGN__INVALID_SIGNATURE');
    // A personal_sign of the same text is not the typed data the wallet showed.
    expect(await codeOf(verifyCosign(owner, fields, await account.signMessage({ message: cosignText(fields) })))).toBe('COSIGN__INVALID_SIGNATURE');
  });
});

describe('cosign nonces', () => {
  const nonces = () => createCosignNonces(openDatabase(join(mkdtempSync(join(tmpdir(), 'waiaas-nonce-')), 'test.db')));
  const consume = (store: ReturnType<typeof nonces>, ...args: Parameters<ReturnType<typeof nonces>['consume']>) => {
    try {
      store.consume(...args);
      return 'spent';
    } catch (e) {
      return isWaiaasError(e) ? e.code : String(e);
    }
  };

  it('are spent once, for their own action and subject, before they expire', () => {
    const store = nonces();
    const { nonce } = store.issue('approve', 'approval-1', 1000, 60_000);
    expect(nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(consume(store, nonce, 'reject', 'approval-1', 2000)).toBe('COSIGN__NONCE_UNKNOWN');
    expect(consume(store, nonce, 'approve', 'approval-2', 2000)).toBe('COSIGN__NONCE_UNKNOWN');
    expect(consume(store, nonce, 'approve', 'approval-1', 61_000)).toBe('COSIGN__EXPIRED');
    expect(consume(store, nonce, 'approve', 'approval-1', 2000)).toBe('spent');
    expect(consume(store, nonce, 'approve', 'approval-1', 3000)).toBe('COSIGN__NONCE_USED');
    expect(consume(store, 'f'.repeat(32), 'approve', 'approval-1', 3000)).toBe('COSIGN__NONCE_UNKNOWN');
  });
});
