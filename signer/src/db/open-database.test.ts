import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isWaiaasError } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations/index.js';
import { openDatabase } from './open-database.js';

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'waiaas-db-')), 'test.db');

describe('openDatabase', () => {
  it('creates every table in WAL mode with a 0600 file', () => {
    const path = tempDb();
    const db = openDatabase(path);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual([
      'approvals',
      'audit_checkpoints',
      'audit_log',
      'cosign_nonces',
      'kill_switch',
      'notifications',
      'owner',
      'owner_devices',
      'owner_events',
      'policies',
      'reservations',
      'sessions',
      'transactions',
      'wallets',
    ]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    db.close();
  });

  it('runs only the migrations a database has not seen yet', () => {
    const path = tempDb();
    openDatabase(path, ['CREATE TABLE a (x INTEGER) STRICT;']).close();
    const db = openDatabase(path, ['CREATE TABLE a (x INTEGER) STRICT;', 'CREATE TABLE b (y INTEGER) STRICT;']);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });

  it('keeps the previous version when a migration fails', () => {
    const path = tempDb();
    openDatabase(path, ['CREATE TABLE a (x INTEGER) STRICT;']).close();
    expect(() => openDatabase(path, ['CREATE TABLE a (x INTEGER) STRICT;', 'CREATE TABLE b (y); SELEKT;'])).toThrow();
    const db = openDatabase(path, ['CREATE TABLE a (x INTEGER) STRICT;']);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'b'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a database written by a newer signer', () => {
    const path = tempDb();
    openDatabase(path, ['SELECT 1;', 'SELECT 2;']).close();
    let error: unknown;
    try {
      openDatabase(path, ['SELECT 1;']);
    } catch (e) {
      error = e;
    }
    expect(isWaiaasError(error, 'DATABASE__NEWER_SCHEMA')).toBe(true);
    expect((error as Error).message).toBe(
      'The database is at schema version 2, newer than this signer supports (1); upgrade WAIaaS.',
    );
  });

  it('refuses to update or delete audit entries', () => {
    const db = openDatabase(tempDb());
    db.prepare("INSERT INTO audit_log (at, actor, action) VALUES (1, 'master', 'wallet.create')").run();
    expect(() => db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow('audit_log is append-only');
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow('audit_log is append-only');
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1);
    db.close();
  });
});
