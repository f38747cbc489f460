import { describe, expect, it } from 'vitest';
import type { Db } from '../db/open-database.js';
import { auditBreakError } from './audit-break-error.js';
import { auditedDb, recordOne, tamper } from './audit-fixture.js';
import { checkpointSetup, evmWallet, solanaWallet, type TestOwnerWallet } from './checkpoint-fixture.js';
import { checkpointChallenge, signCheckpoint } from './sign-checkpoint.js';

/** A log of 5 entries with a checkpoint of entry 5 signed by `owner`, then 2 more entries. */
async function checkpointed(owner: TestOwnerWallet = solanaWallet()) {
  const { db, audit, clock } = auditedDb(5);
  const setup = checkpointSetup(db, audit, clock);
  setup.deps.owner.put(owner, 'LOCKED', 0);
  const request = await checkpointChallenge(setup.deps);
  await signCheckpoint(setup.deps, { seq: 5, nonce: request.fields.nonce, signature: await owner.sign(request), via: 'owner:d' });
  recordOne(audit, clock, 7);
  return { db, audit, clock, owner, ...setup };
}

const errorOf = async (verify: () => ReturnType<ReturnType<typeof checkpointSetup>['verify']>) => {
  const result = await verify();
  if (result.status !== 'broken') throw new Error(`expected a break, got ${JSON.stringify(result)}`);
  return auditBreakError(result);
};

/** Rewrites a checkpoint row as someone with the file in hand can. */
const editCheckpoint = (db: Db, set: string, ...params: unknown[]) => {
  db.exec('DROP TRIGGER IF EXISTS audit_checkpoints_no_update');
  db.prepare(`UPDATE audit_checkpoints SET ${set}`).run(...params);
};

describe('verifyAuditLog', () => {
  it('lists each checkpoint, verified against the Owner stored with it even after that Owner was replaced', async () => {
    const { deps, verify, owner } = await checkpointed(evmWallet());
    deps.owner.put(solanaWallet(), 'LOCKED', 1);
    const result = await verify();
    expect(result).toMatchObject({ status: 'ok', checkpoint: { seq: 5 } });
    expect(result.checkpoints).toEqual([
      expect.objectContaining({ seq: 5, entries: 5, owner: { chain: 'evm', address: owner.address }, status: 'verified' }),
    ]);
  });

  it('finds the checkpointed entry cut off, with the sequence rewound, before the signer writes again', async () => {
    const { db, verify, owner } = await checkpointed();
    tamper(db, 'DELETE FROM audit_log WHERE seq >= 4');
    tamper(db, "UPDATE sqlite_sequence SET seq = 3 WHERE name = 'audit_log'");
    const result = await verify();
    expect(result.checkpoints[0]?.status).toBe('missing');
    expect((await errorOf(verify)).toResponse().error).toEqual({
      code: 'AUDIT__TRUNCATED',
      message: `The audit log no longer holds entry 5, which the Owner ${owner.address} signed in a checkpoint: the entries after entry 3 were removed.`,
      context: { seq: 5, afterSeq: 3, owner: owner.address },
    });
  });

  it('finds the checkpointed entry replaced by a log rewritten with the key', async () => {
    const { db, audit, clock, verify } = await checkpointed();
    tamper(db, 'DELETE FROM audit_log WHERE seq >= 5');
    tamper(db, "UPDATE sqlite_sequence SET seq = 4 WHERE name = 'audit_log'");
    recordOne(audit, clock, 20);
    expect((await verify()).checkpoints[0]?.status).toBe('diverged');
    expect(await errorOf(verify)).toMatchObject({ code: 'AUDIT__CHECKPOINT_MISMATCH', context: { seq: 5, afterSeq: 4 } });
  });

  it('refuses a checkpoint whose stored values no longer match its signature, or that was signed for another signer', async () => {
    const forgedSignature = await checkpointed();
    editCheckpoint(forgedSignature.db, 'signature = ?', await solanaWallet().sign({ format: 'solana-message', fields: (await checkpointChallenge(forgedSignature.deps)).fields }));
    const forged = await forgedSignature.verify();
    expect(forged).toMatchObject({ status: 'broken', break: { seq: 5, reason: 'forged', afterSeq: null }, checkpoint: null });
    expect(forged.checkpoints[0]?.status).toBe('forged');
    expect((await errorOf(forgedSignature.verify)).toResponse().error).toMatchObject({
      code: 'AUDIT__CHECKPOINT_INVALID',
      message: `The checkpoint of entry 5 does not carry a valid signature of the Owner ${forgedSignature.owner.address}: it was forged or altered.`,
    });

    const moved = await checkpointed();
    editCheckpoint(moved.db, 'entries = 6');
    expect(await errorOf(moved.verify)).toMatchObject({ code: 'AUDIT__CHECKPOINT_INVALID' });

    const badAddress = await checkpointed();
    editCheckpoint(badAddress.db, "owner_address = 'not an address'");
    expect(await errorOf(badAddress.verify)).toMatchObject({ code: 'AUDIT__CHECKPOINT_INVALID' });

    const elsewhere = await checkpointed();
    const other = checkpointSetup(elsewhere.db, elsewhere.audit, elsewhere.clock, 'ed25519:AnotherSigner1111111111111111111111111111111');
    expect(await errorOf(other.verify)).toMatchObject({ code: 'AUDIT__CHECKPOINT_INVALID' });
  });

  it('keeps checkpoints append-only', async () => {
    const { db } = await checkpointed();
    expect(() => db.prepare('DELETE FROM audit_checkpoints').run()).toThrow('audit_checkpoints is append-only');
    expect(() => db.prepare('UPDATE audit_checkpoints SET seq = 1').run()).toThrow('audit_checkpoints is append-only');
  });
});
