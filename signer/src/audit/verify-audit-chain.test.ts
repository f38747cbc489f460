import { createHash, createSecretKey } from 'node:crypto';
import { WaiaasError } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/open-database.js';
import { encodeEntry } from './audit-chain.js';
import { auditedDb, KEY, recordOne, tamper } from './audit-fixture.js';
import { type AuditRow, createAuditStore } from './audit-store.js';
import { verifyAuditChain } from './verify-audit-chain.js';

const verify = (db: Db, opts?: Parameters<typeof verifyAuditChain>[2]) => verifyAuditChain(createAuditStore(db), KEY, opts);
const row = (db: Db, seq: number) => db.prepare<[number], AuditRow>('SELECT * FROM audit_log WHERE seq = ?').get(seq);
/** The message `waiaas audit verify` prints for a broken result. */
const message = (result: ReturnType<typeof verifyAuditChain>) =>
  result.status === 'broken' ? new WaiaasError('AUDIT__CHAIN_BROKEN', result.break).message : 'ok';

describe('verifyAuditChain', () => {
  it('reports an intact log with its head, the entry a checkpoint will sign', () => {
    const { db } = auditedDb(5);
    expect(verify(db)).toEqual({
      status: 'ok',
      verified: 5,
      legacy: 0,
      firstSeq: 1,
      head: { seq: 5, entryHash: row(db, 5)?.entry_hash },
      checkpoint: null,
    });
  });

  it('reports an empty log as intact, with nothing verified', () => {
    const { db } = auditedDb(0);
    expect(verify(db)).toEqual({ status: 'ok', verified: 0, legacy: 0, firstSeq: null, head: null, checkpoint: null });
  });

  it('finds an edited entry', () => {
    const { db } = auditedDb(5);
    tamper(db, `UPDATE audit_log SET details = '{"n":999}' WHERE seq = 3`);
    const result = verify(db);
    expect(result).toMatchObject({ status: 'broken', verified: 2, head: { seq: 2 }, break: { seq: 3, reason: 'edited', afterSeq: 2 } });
    expect(message(result)).toBe(
      'The audit log is broken at seq 3: its hash is not a valid MAC of its content, so it was edited, or written without the audit key.',
    );
  });

  it('finds an entry edited to hold a number the signer cannot have written', () => {
    const { db } = auditedDb(3);
    tamper(db, 'UPDATE audit_log SET at = ? WHERE seq = 2', 2 ** 60);
    expect(verify(db)).toMatchObject({ break: { seq: 2, reason: 'edited', afterSeq: 1 } });
  });

  it('finds an edit whose hash was recomputed without the key, and an entry forged the same way', () => {
    const sha256 = (fields: Omit<AuditRow, 'entry_hash'>) => createHash('sha256').update(encodeEntry(fields)).digest('hex');
    const edited = auditedDb(5).db;
    const original = row(edited, 4) as AuditRow;
    const changed = { ...original, actor: 'master' };
    tamper(edited, 'UPDATE audit_log SET actor = ?, entry_hash = ? WHERE seq = 4', changed.actor, sha256(changed));
    expect(verify(edited)).toMatchObject({ break: { seq: 4, reason: 'edited' } });

    const forged = auditedDb(5).db;
    const last = row(forged, 5) as AuditRow;
    const fake = { ...last, seq: 6, prev_hash: last.entry_hash, action: 'wallet.create', details: '{}' };
    tamper(forged, 'INSERT INTO audit_log (seq, at, actor, action, wallet_id, session_id, details, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      fake.seq, fake.at, fake.actor, fake.action, fake.wallet_id, fake.session_id, fake.details, fake.prev_hash, sha256(fake));
    expect(verify(forged)).toMatchObject({ verified: 5, break: { seq: 6, reason: 'edited', afterSeq: 5 } });
  });

  it('finds deleted entries by the gap they leave', () => {
    const { db } = auditedDb(6);
    tamper(db, 'DELETE FROM audit_log WHERE seq IN (3, 4)');
    const result = verify(db);
    expect(result).toMatchObject({ break: { seq: 5, reason: 'deleted', afterSeq: 2 } });
    expect(message(result)).toBe('The audit log is broken at seq 5: entries 3–4 before it were deleted.');

    const first = auditedDb(3).db;
    tamper(first, 'DELETE FROM audit_log WHERE seq = 1');
    expect(message(verify(first))).toBe('The audit log is broken at seq 2: entry 1 before it was deleted.');
  });

  it('finds a deletion whose gap was closed by renumbering the entries after it', () => {
    const { db } = auditedDb(5);
    tamper(db, 'DELETE FROM audit_log WHERE seq = 3');
    for (const seq of [4, 5]) tamper(db, 'UPDATE audit_log SET seq = ? WHERE seq = ?', seq - 1, seq);
    const result = verify(db);
    expect(result).toMatchObject({ break: { seq: 3, reason: 'unlinked', afterSeq: 2 } });
    expect(message(result)).toBe('The audit log is broken at seq 3: it does not chain from entry 2, so an entry before it was removed or replaced.');
  });

  it('finds two entries that swapped places', () => {
    const { db } = auditedDb(5);
    const [a, b] = [row(db, 2), row(db, 3)] as [AuditRow, AuditRow];
    const set = 'UPDATE audit_log SET at = ?, actor = ?, action = ?, wallet_id = ?, session_id = ?, details = ?, prev_hash = ?, entry_hash = ? WHERE seq = ?';
    const values = (r: AuditRow) => [r.at, r.actor, r.action, r.wallet_id, r.session_id, r.details, r.prev_hash, r.entry_hash];
    tamper(db, set, ...values(b), 2);
    tamper(db, set, ...values(a), 3);
    const result = verify(db);
    expect(result).toMatchObject({ break: { seq: 2, reason: 'reordered', afterSeq: 1 } });
    expect(message(result)).toBe('The audit log is broken at seq 2: it holds an entry from elsewhere in the chain, so entries were reordered.');
  });

  it('finds an entry whose hashes were removed after the chain started', () => {
    const { db } = auditedDb(4);
    tamper(db, 'UPDATE audit_log SET prev_hash = NULL, entry_hash = NULL WHERE seq = 3');
    const result = verify(db);
    expect(result).toMatchObject({ break: { seq: 3, reason: 'unchained', afterSeq: 2 } });
    expect(message(result)).toBe('The audit log is broken at seq 3: it has no hash although the chain started before it.');
  });

  it('refuses every entry under another key', () => {
    const { db } = auditedDb(2);
    const result = verifyAuditChain(createAuditStore(db), createSecretKey(Buffer.alloc(32, 8)));
    expect(result).toMatchObject({ verified: 0, head: null, break: { seq: 1, reason: 'edited', afterSeq: null } });
  });

  it('cannot tell, without a checkpoint, a cut-off tail or a log whose hashes were all stripped', () => {
    const cut = auditedDb(5).db;
    tamper(cut, 'DELETE FROM audit_log WHERE seq > 3');
    expect(verify(cut)).toMatchObject({ status: 'ok', verified: 3 });
    const stripped = auditedDb(5).db;
    tamper(stripped, 'UPDATE audit_log SET prev_hash = NULL, entry_hash = NULL');
    expect(verify(stripped)).toMatchObject({ status: 'ok', verified: 0, legacy: 5 });
  });

  describe('held to a checkpoint (the seam for Owner-signed checkpoints)', () => {
    it('passes when the chain reaches the checkpoint unchanged', () => {
      const { db } = auditedDb(5);
      const checkpoint = { seq: 4, entryHash: row(db, 4)?.entry_hash ?? '' };
      expect(verify(db, { checkpoints: [checkpoint] })).toMatchObject({ status: 'ok', verified: 5, checkpoint });
    });

    it('finds a tail cut off below the checkpoint', () => {
      const { db } = auditedDb(5);
      const checkpoint = { seq: 5, entryHash: row(db, 5)?.entry_hash ?? '' };
      tamper(db, 'DELETE FROM audit_log WHERE seq > 3');
      const result = verify(db, { checkpoints: [checkpoint] });
      expect(result).toMatchObject({ break: { seq: 5, reason: 'truncated', afterSeq: 3 } });
      expect(message(result)).toBe(
        'The audit log is broken at seq 5: the log ends before this checkpointed entry, so entries were removed from its end.',
      );
    });

    it('holds the walk to every checkpoint, and reports the latest as the one it was held to', () => {
      const { db } = auditedDb(6);
      const at = (seq: number) => ({ seq, entryHash: row(db, seq)?.entry_hash ?? '' });
      expect(verify(db, { checkpoints: [at(5), at(2), at(4)] })).toMatchObject({ status: 'ok', verified: 6, checkpoint: at(5) });
      expect(verify(db, { checkpoints: [at(2), { seq: 4, entryHash: 'b'.repeat(64) }, at(5)] })).toMatchObject({
        break: { seq: 4, reason: 'diverged', afterSeq: 3 },
      });
    });

    it('finds a checkpointed entry cut out even when the log goes on after the gap', () => {
      const { db, audit, clock } = auditedDb(6);
      const checkpoint = { seq: 5, entryHash: row(db, 5)?.entry_hash ?? '' };
      tamper(db, 'DELETE FROM audit_log WHERE seq >= 4');
      recordOne(audit, clock, 7);
      // Reported at the checkpoint, before the gap the next entry shows.
      expect(verify(db, { checkpoints: [checkpoint] })).toMatchObject({ verified: 3, break: { seq: 5, reason: 'truncated', afterSeq: 3 } });
    });

    it('finds a cut-off tail refilled after the sequence was rewound, as a divergence', () => {
      const { db, audit, clock } = auditedDb(5);
      const checkpoint = { seq: 4, entryHash: row(db, 4)?.entry_hash ?? '' };
      tamper(db, 'DELETE FROM audit_log WHERE seq >= 4');
      tamper(db, "UPDATE sqlite_sequence SET seq = 3 WHERE name = 'audit_log'");
      for (const i of [10, 11]) recordOne(audit, clock, i);
      expect(verify(db)).toMatchObject({ status: 'ok', verified: 5 });
      expect(verify(db, { checkpoints: [checkpoint] })).toMatchObject({ break: { seq: 4, reason: 'diverged', afterSeq: 3 } });
    });

    it('finds a checkpoint that names an entry from before the chain', () => {
      const { db } = auditedDb(3);
      tamper(db, 'UPDATE audit_log SET prev_hash = NULL, entry_hash = NULL WHERE seq = 1');
      expect(verify(db, { checkpoints: [{ seq: 1, entryHash: 'c'.repeat(64) }] })).toMatchObject({ break: { seq: 1, reason: 'diverged', afterSeq: null } });
    });

    it('finds a chain rewritten with the key', () => {
      const { db } = auditedDb(3);
      const result = verify(db, { checkpoints: [{ seq: 2, entryHash: 'a'.repeat(64) }] });
      expect(result).toMatchObject({ verified: 1, break: { seq: 2, reason: 'diverged', afterSeq: 1 } });
      expect(message(result)).toBe('The audit log is broken at seq 2: it differs from the checkpoint, so the log was rewritten.');
    });
  });
});
