/*
 * Test helpers for the audit log's own tests (not part of the module's surface): a real database,
 * a fixed audit key, and raw access to the file as an attacker who can write it would have.
 */
import { createSecretKey } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openDatabase } from '../db/open-database.js';
import { type AuditLog, createAuditLog } from './audit-log.js';

export const KEY = createSecretKey(Buffer.alloc(32, 7));
export const START = Date.parse('2026-01-01T00:00:00Z');

export const tempDbPath = (): string => join(mkdtempSync(join(tmpdir(), 'waiaas-audit-')), 'db.sqlite');

/** A database with `count` entries, one second apart from START, alternating two sessions of one wallet. */
export function auditedDb(count: number, path = tempDbPath()): { db: Db; audit: AuditLog; clock: { now: number } } {
  const db = openDatabase(path);
  const clock = { now: START };
  const audit = createAuditLog(db, { auditKey: () => KEY, now: () => clock.now });
  for (let i = 1; i <= count; i += 1) recordOne(audit, clock, i);
  return { db, audit, clock };
}

export function recordOne(audit: AuditLog, clock: { now: number }, i: number): void {
  const session = i % 2 === 0 ? SESSION_A : SESSION_B;
  audit.record({ actor: `session:${session}`, action: 'session.use', walletId: WALLET, sessionId: session, details: { n: i } });
  clock.now += 1000;
}

export const WALLET = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
export const SESSION_A = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a01';
export const SESSION_B = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a02';

/** Runs SQL the append-only triggers would refuse, as someone holding the file can. */
export function tamper(db: Db, sql: string, ...params: unknown[]): void {
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  db.prepare(sql).run(...params);
}
