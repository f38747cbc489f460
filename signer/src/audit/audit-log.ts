import type { KeyObject } from 'node:crypto';
import type { Db } from '../db/open-database.js';
import { entryHash, GENESIS_HASH } from './audit-chain.js';
import { createAuditStore } from './audit-store.js';

/** Who acted: the master (CLI), an agent session, an Owner device, or the signer itself. */
export type AuditActor = 'master' | 'system' | `session:${string}` | `device:${string}` | `owner:${string}`;

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

export interface AuditLogDeps {
  /** The chain's HMAC key, from the keystore; asked for per entry so that locking takes effect. */
  auditKey: () => KeyObject;
  now?: () => number;
}

/**
 * Appends to the audit_log table, each entry chained to the one before it (see audit-chain.ts).
 * The schema's triggers make rows immutable once written; the chain makes a change made behind
 * their back (with the file in hand) detectable.
 */
export function createAuditLog(db: Db, { auditKey, now = Date.now }: AuditLogDeps): AuditLog {
  const store = createAuditStore(db);
  // Reading the chain's tip and inserting after it form one transaction: better-sqlite3 is
  // synchronous, so no other append can slip in between, and the daemon's lock makes it the only
  // writer. Inside a caller's transaction this becomes a savepoint and commits or rolls back with it.
  const append = db.transaction((entry: AuditEntry) => {
    const fields = {
      prev_hash: store.lastHash() ?? GENESIS_HASH,
      seq: store.nextSeq(),
      at: now(),
      actor: entry.actor,
      action: entry.action,
      wallet_id: entry.walletId ?? null,
      session_id: entry.sessionId ?? null,
      details: JSON.stringify(entry.details ?? {}),
    };
    store.insert({ ...fields, entry_hash: entryHash(auditKey(), fields) });
  });
  return {
    record(entry) {
      append.immediate(entry);
    },
  };
}
