import { chmodSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { WaiaasError } from '@waiaas/protocol';
import { MIGRATIONS } from './migrations/index.js';

export type Db = Database.Database;

/**
 * Opens the signer's database, WAL mode, foreign keys on, and brings its schema up to date. Each
 * migration runs in its own transaction, so a failure leaves the previous version intact.
 */
export function openDatabase(path: string, migrations: readonly string[] = MIGRATIONS): Db {
  const created = !existsSync(path);
  const db = new Database(path);
  if (created) chmodSync(path, 0o600);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // WAL with synchronous=FULL: a committed stage survives a power cut, which the pipeline relies on.
  db.pragma('synchronous = FULL');
  migrate(db, migrations);
  return db;
}

export function migrate(db: Db, migrations: readonly string[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    db.close();
    throw new WaiaasError('DATABASE__NEWER_SCHEMA', { found: current, supported: migrations.length });
  }
  migrations.slice(current).forEach((sql, index) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${current + index + 1}`);
    }).immediate();
  });
}
