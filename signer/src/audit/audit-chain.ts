import { createHmac, type KeyObject } from 'node:crypto';
import type { AuditRow } from './audit-store.js';

/**
 * The audit chain, format v1. Each entry stores
 *
 *   entry_hash = hex(HMAC-SHA256(audit key, encode(prev_hash, seq, at, actor, action, wallet_id, session_id, details)))
 *
 * where prev_hash is the entry_hash of the chained entry before it, or GENESIS_HASH for the first.
 * `encode` concatenates the fields in that order, each as one tag byte and a value: 0x00 for NULL
 * (no value), 0x01 for TEXT (a uint32 big-endian byte length, then the UTF-8 bytes), 0x02 for
 * INTEGER (int64 big-endian). Fields are the columns exactly as stored — `details` is the JSON
 * text, not a re-serialisation — so a verifier needs nothing but the row and the key.
 *
 * The key is a secret of the keystore (HKDF of the session-token key, info "waiaas/audit-chain/v1"):
 * someone who can write the database file can still edit, delete or forge rows, but cannot make
 * the hashes agree, so every such change shows up when the chain is walked.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** The columns of an audit_log row that the chain covers: all of them but entry_hash itself. */
export type ChainedFields = Omit<AuditRow, 'entry_hash'>;

const NULL = 0x00;
const TEXT = 0x01;
const INTEGER = 0x02;

function text(value: string | null): Buffer {
  if (value === null) return Buffer.of(NULL);
  const bytes = Buffer.from(value, 'utf8');
  const head = Buffer.alloc(5);
  head.writeUInt8(TEXT, 0);
  head.writeUInt32BE(bytes.length, 1);
  return Buffer.concat([head, bytes]);
}

function integer(value: number): Buffer {
  if (!Number.isSafeInteger(value)) throw new RangeError(`audit chain integers must be safe integers, not ${value}`);
  const bytes = Buffer.alloc(9);
  bytes.writeUInt8(INTEGER, 0);
  bytes.writeBigInt64BE(BigInt(value), 1);
  return bytes;
}

/** The unambiguous byte encoding the MAC is computed over. */
export function encodeEntry(f: ChainedFields): Buffer {
  return Buffer.concat([
    text(f.prev_hash),
    integer(f.seq),
    integer(f.at),
    text(f.actor),
    text(f.action),
    text(f.wallet_id),
    text(f.session_id),
    text(f.details),
  ]);
}

export function entryHash(key: KeyObject, fields: ChainedFields): string {
  return createHmac('sha256', key).update(encodeEntry(fields)).digest('hex');
}
