import type { Db } from '../db/open-database.js';

/** Who acted: the master (CLI), an agent session, an Owner device, or the signer itself. */
export type AuditActor = 'master' | 'system' | `session:${string}` | `device:${string}`;

export interface AuditEntry {
  actor: AuditActor;
  action: string;
  walletId?: string | null;
  sessionId?: string | null;
  /** Never secrets: ids, names, routes, codes. */
  details?: Record<string, unknown>;
}

export interface AuditLog {
  record(entry: AuditEntry): void;
}

/** Appends to the audit_log table; the schema's triggers make rows immutable once written. */
export function createAuditLog(db: Db, now: () => number = Date.now): AuditLog {
  const insert = db.prepare(
    'INSERT INTO audit_log (at, actor, action, wallet_id, session_id, details) VALUES (?, ?, ?, ?, ?, ?)',
  );
  return {
    record({ actor, action, walletId = null, sessionId = null, details = {} }) {
      insert.run(now(), actor, action, walletId, sessionId, JSON.stringify(details));
    },
  };
}
