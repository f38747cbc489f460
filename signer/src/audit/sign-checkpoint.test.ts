import type { CosignRequest } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { auditedDb, tamper } from './audit-fixture.js';
import { checkpointSetup, evmWallet, SIGNER, solanaWallet } from './checkpoint-fixture.js';
import { checkpointChallenge, signCheckpoint } from './sign-checkpoint.js';

function setup() {
  const { db, audit, clock } = auditedDb(4);
  const { deps, verify } = checkpointSetup(db, audit, clock);
  const actions = () => db.prepare<[], string>("SELECT action FROM audit_log WHERE action LIKE 'audit.%' ORDER BY seq").pluck().all();
  const stored = () => db.prepare<[], number>('SELECT count(*) FROM audit_checkpoints').pluck().get();
  return { db, deps, verify, actions, stored };
}

const answer = (request: CosignRequest, signature: string, seq = Number(/#(\d+)/.exec(request.fields.summary)?.[1])) => ({
  seq,
  nonce: request.fields.nonce,
  signature,
  via: 'owner:device-1',
});

describe('an Owner-signed audit checkpoint', () => {
  it('needs a registered Owner, for the message and for the answer', async () => {
    const { deps } = setup();
    await expect(checkpointChallenge(deps)).rejects.toThrow('No Owner is registered; set one with "waiaas owner set <address>".');
    await expect(signCheckpoint(deps, { seq: 4, nonce: 'a'.repeat(32), signature: 'x'.repeat(88), via: 'owner:d' })).rejects.toMatchObject({
      code: 'OWNER__NOT_REGISTERED',
    });
  });

  it("names the log's head in the message: its entry count, seq and hash, the hash as the digest", async () => {
    const { db, deps } = setup();
    const owner = solanaWallet();
    deps.owner.put(owner, 'GRACE', 0);
    const request = await checkpointChallenge(deps);
    const hash = db.prepare<[], string>('SELECT entry_hash FROM audit_log WHERE seq = 4').pluck().get();
    expect(request.format).toBe('solana-message');
    expect(request.fields).toMatchObject({
      action: 'checkpoint',
      summary: `Audit log of signer ${SIGNER} has 4 entries; the last, #4, hashes to ${hash}`,
      digest: hash,
      signer: SIGNER,
      amount: '—',
    });
    expect((await checkpointChallenge({ ...deps, owner: { ...deps.owner, get: () => ({ ...evmWallet(), state: 'LOCKED', setAt: 0, lockedAt: 0 }) } })).format).toBe('eip712');
  });

  it('stores a valid signature, audits it, locks an Owner in GRACE, and spends the nonce', async () => {
    const { deps, verify, actions } = setup();
    const owner = solanaWallet();
    deps.owner.put(owner, 'GRACE', 0);
    const request = await checkpointChallenge(deps);
    const signature = await owner.sign(request);
    const checkpoint = await signCheckpoint(deps, answer(request, signature));
    expect(checkpoint).toMatchObject({ seq: 4, entries: 4, owner: { chain: 'solana', address: owner.address }, status: 'verified' });
    expect(deps.owner.get()?.state).toBe('LOCKED');
    expect(actions()).toEqual(['audit.checkpoint']);
    await expect(signCheckpoint(deps, answer(request, signature))).rejects.toMatchObject({ code: 'COSIGN__NONCE_USED' });

    const result = await verify();
    expect(result).toMatchObject({ status: 'ok', checkpoint: { seq: 4, entryHash: checkpoint.entryHash } });
    expect(result.checkpoints).toEqual([checkpoint]);
  });

  it('refuses, audits and stores nothing for a signature by someone else, or for another entry', async () => {
    const { deps, actions, stored } = setup();
    const owner = evmWallet();
    deps.owner.put(owner, 'LOCKED', 0);
    const request = await checkpointChallenge(deps);
    await expect(signCheckpoint(deps, answer(request, await evmWallet().sign(request)))).rejects.toMatchObject({ code: 'COSIGN__INVALID_SIGNATURE' });
    await expect(signCheckpoint(deps, answer(request, await owner.sign(request), 3))).rejects.toMatchObject({ code: 'COSIGN__NONCE_UNKNOWN' });
    await expect(signCheckpoint(deps, answer(request, await owner.sign(request), 99))).rejects.toMatchObject({ code: 'COSIGN__NONCE_UNKNOWN' });
    expect(stored()).toBe(0);
    expect(actions()).toEqual(['audit.checkpoint.refused', 'audit.checkpoint.refused', 'audit.checkpoint.refused']);
    // The head has moved on (the refusals were audited): the message still names the entry it was issued for.
    expect((await signCheckpoint(deps, answer(request, await owner.sign(request)))).seq).toBe(4);
  });

  it('is not offered for a log that does not verify', async () => {
    const { db, deps } = setup();
    deps.owner.put(solanaWallet(), 'LOCKED', 0);
    tamper(db, `UPDATE audit_log SET details = '{"n":9}' WHERE seq = 2`);
    await expect(checkpointChallenge(deps)).rejects.toMatchObject({ code: 'AUDIT__CHAIN_BROKEN', context: { seq: 2, reason: 'edited' } });
  });
});
