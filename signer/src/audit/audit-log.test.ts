import { WaiaasError } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { auditChainSchema } from '../db/migrations/004-audit-chain.js';
import { MIGRATIONS } from '../db/migrations/index.js';
import { entryHash, GENESIS_HASH } from './audit-chain.js';
import { auditedDb, KEY, START, tamper, tempDbPath } from './audit-fixture.js';
import { createAuditLog } from './audit-log.js';
import { type AuditRow, createAuditStore } from './audit-store.js';
import { verifyAuditChain } from './verify-audit-chain.js';

const rows = (db: ReturnType<typeof openDatabase>) => db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq').all();

describe('createAuditLog', () => {
  it('chains every entry to the one before it, the first to the genesis value', () => {
    const { db } = auditedDb(3);
    const [first, second, third] = rows(db);
    expect(first).toMatchObject({ seq: 1, at: START, action: 'session.use', details: '{"n":1}', prev_hash: GENESIS_HASH });
    expect(second?.prev_hash).toBe(first?.entry_hash);
    expect(third?.prev_hash).toBe(second?.entry_hash);
    for (const row of [first, second, third]) {
      if (!row) throw new Error('missing row');
      const { entry_hash, ...fields } = row;
      expect(entry_hash).toBe(entryHash(KEY, fields));
    }
    db.close();
  });

  it('keeps the append-only triggers', () => {
    const { db } = auditedDb(1);
    expect(() => db.prepare("UPDATE audit_log SET details = '{}'").run()).toThrow('audit_log is append-only');
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow('audit_log is append-only');
    db.close();
  });

  it("commits and rolls back with a caller's transaction, leaving no gap in the chain", () => {
    const { db, audit } = auditedDb(1);
    expect(() =>
      db.transaction(() => {
        audit.record({ actor: 'system', action: 'transaction.signed' });
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    db.transaction(() => audit.record({ actor: 'system', action: 'transaction.confirmed' })).immediate();
    expect(rows(db).map((r) => [r.seq, r.action])).toEqual([[1, 'session.use'], [2, 'transaction.confirmed']]);
    expect(verifyAuditChain(createAuditStore(db), KEY).status).toBe('ok');
    db.close();
  });

  it('writes nothing when the key is not available', () => {
    const { db } = auditedDb(1);
    const locked = createAuditLog(db, {
      auditKey: () => {
        throw new WaiaasError('KEYSTORE__LOCKED');
      },
    });
    expect(() => locked.record({ actor: 'system', action: 'daemon.stop' })).toThrow('The keystore is locked.');
    expect(rows(db)).toHaveLength(1);
    db.close();
  });

  it('numbers the entry after a cut-off tail past the highest seq ever used, so the cut shows', () => {
    const { db, audit } = auditedDb(5);
    tamper(db, 'DELETE FROM audit_log WHERE seq > 3');
    expect(verifyAuditChain(createAuditStore(db), KEY).status).toBe('ok');
    audit.record({ actor: 'system', action: 'daemon.start' });
    expect(rows(db).map((r) => r.seq)).toEqual([1, 2, 3, 6]);
    expect(verifyAuditChain(createAuditStore(db), KEY)).toMatchObject({
      status: 'broken',
      break: { seq: 6, reason: 'deleted', afterSeq: 3 },
    });
    db.close();
  });

  it('starts the chain after the entries a database held before the chain existed', () => {
    const path = tempDbPath();
    const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(auditChainSchema));
    const old = openDatabase(path, before);
    for (const action of ['home.init', 'daemon.start']) {
      old.prepare("INSERT INTO audit_log (at, actor, action) VALUES (1, 'system', ?)").run(action);
    }
    old.close();
    const db = openDatabase(path);
    createAuditLog(db, { auditKey: () => KEY }).record({ actor: 'system', action: 'daemon.start' });
    expect(rows(db)[2]).toMatchObject({ seq: 3, prev_hash: GENESIS_HASH });
    expect(verifyAuditChain(createAuditStore(db), KEY)).toMatchObject({ status: 'ok', verified: 1, legacy: 2, firstSeq: 3 });
    db.close();
  });
});
