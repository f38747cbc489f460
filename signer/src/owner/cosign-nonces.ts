import { randomBytes } from 'node:crypto';
import { type CosignAction, WaiaasError } from '@waiaas/protocol';
import type { Db } from '../db/open-database.js';

/** A nonce answers one action about one subject; approve and reject of one approval have one each. */
export type NoncePurpose = CosignAction;
const purposeOf = (action: CosignAction): NoncePurpose => action;

export interface IssuedNonce {
  nonce: string;
  issuedAt: number;
  expiresAt: number;
}

interface Row {
  purpose: string;
  subject: string;
  issued_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface CosignNonces {
  /** A fresh nonce good for one answer about `subject` until `expiresAt`. */
  issue(purpose: NoncePurpose, subject: string, now: number, ttlMs: number): IssuedNonce;
  get(nonce: string): IssuedNonce & { purpose: string; subject: string; usedAt: number | null } | undefined;
  /**
   * Spends a nonce: it must have been issued for this action's purpose and subject, be unexpired and unused.
   * The UPDATE is the check, so two answers racing for one nonce cannot both pass.
   */
  consume(nonce: string, action: CosignAction, subject: string, now: number): void;
}

export function createCosignNonces(db: Db): CosignNonces {
  const read = db.prepare<[string], Row>('SELECT purpose, subject, issued_at, expires_at, used_at FROM cosign_nonces WHERE nonce = ?');
  return {
    issue(purpose, subject, now, ttlMs) {
      // 128 bits: unguessable, so a nonce also proves the message was issued by this signer.
      const nonce = randomBytes(16).toString('hex');
      const expiresAt = now + ttlMs;
      db.prepare('INSERT INTO cosign_nonces (nonce, purpose, subject, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
        nonce, purpose, subject, now, expiresAt,
      );
      return { nonce, issuedAt: now, expiresAt };
    },
    get(nonce) {
      const row = read.get(nonce);
      return row && { nonce, purpose: row.purpose, subject: row.subject, issuedAt: row.issued_at, expiresAt: row.expires_at, usedAt: row.used_at };
    },
    consume(nonce, action, subject, now) {
      const used = db
        .prepare('UPDATE cosign_nonces SET used_at = ? WHERE nonce = ? AND purpose = ? AND subject = ? AND used_at IS NULL AND expires_at > ?')
        .run(now, nonce, purposeOf(action), subject, now);
      if (used.changes === 1) return;
      const row = read.get(nonce);
      if (!row || row.subject !== subject || row.purpose !== purposeOf(action)) throw new WaiaasError('COSIGN__NONCE_UNKNOWN', { action });
      if (row.used_at !== null) throw new WaiaasError('COSIGN__NONCE_USED', { action });
      if (row.expires_at <= now) throw new WaiaasError('COSIGN__EXPIRED', { action, expiredAt: new Date(row.expires_at).toISOString() });
      throw new WaiaasError('COSIGN__NONCE_UNKNOWN', { action });
    },
  };
}
