import type { KeyObject } from 'node:crypto';
import type { admin } from '@waiaas/protocol';
import { entryHash, GENESIS_HASH } from './audit-chain.js';
import type { AuditRow, AuditStore } from './audit-store.js';

type Found = admin.AuditBreak['reason'] | 'link';

/**
 * Walks the audit log in seq order and checks each chained entry: its seq follows the row before
 * it (a gap means rows were deleted), its prev_hash is the entry_hash of the entry before it (else
 * it was moved, or what it chained from is gone), and its entry_hash is the MAC of its content
 * (else it was edited, or forged by someone without the key). It stops at the first break.
 *
 * Rows before the first chained one predate the chain and are only counted. Rows removed from the
 * end leave nothing behind to check: only a checkpoint can tell. The walk is held to every
 * checkpoint given (the caller has checked the Owner's signatures): the log must hold each
 * checkpointed entry, at its seq, with its hash.
 */
export function verifyAuditChain(
  store: Pick<AuditStore, 'rows' | 'seqOfEntryHash'>,
  key: KeyObject,
  opts: { checkpoints?: readonly admin.AuditCheckpoint[] } = {},
): AuditChainVerification {
  const pending = [...(opts.checkpoints ?? [])].sort((a, b) => a.seq - b.seq);
  const checkpoint = pending.at(-1) ?? null;
  let legacy = 0;
  let verified = 0;
  let firstSeq: number | null = null;
  let head: admin.AuditCheckpoint | null = null;
  let afterSeq: number | null = null;
  let found: { row?: AuditRow; seq: number; reason: Found } | undefined;

  for (const row of store.rows()) {
    // A checkpointed seq the walk went past without meeting: that entry is gone.
    const skipped = pending[0];
    if (skipped !== undefined && skipped.seq < row.seq) {
      found = { seq: skipped.seq, reason: 'truncated' };
      break;
    }
    if (firstSeq === null && row.entry_hash === null) {
      // A checkpoint only ever names a chained entry.
      if (pending[0]?.seq === row.seq) {
        found = { row, seq: row.seq, reason: 'diverged' };
        break;
      }
      legacy += 1;
      afterSeq = row.seq;
      continue;
    }
    firstSeq ??= row.seq;
    const hash = row.entry_hash;
    if (hash === null) {
      found = { row, seq: row.seq, reason: 'unchained' };
      break;
    }
    const reason = findBreak(row, hash, afterSeq, head?.entryHash ?? GENESIS_HASH, key, pending[0]);
    if (reason !== undefined) {
      found = { row, seq: row.seq, reason };
      break;
    }
    if (pending[0]?.seq === row.seq) pending.shift();
    verified += 1;
    head = { seq: row.seq, entryHash: hash };
    afterSeq = row.seq;
  }

  const base = { verified, legacy, firstSeq, head, checkpoint };
  if (found !== undefined) {
    // Looked up after the walk: the connection runs one statement at a time.
    const reason = found.reason === 'link' && found.row ? linkBreak(store, found.row) : found.reason;
    return { status: 'broken', ...base, break: { seq: found.seq, reason: reason === 'link' ? 'unlinked' : reason, afterSeq } };
  }
  const beyond = pending[0];
  if (beyond !== undefined) return { status: 'broken', ...base, break: { seq: beyond.seq, reason: 'truncated', afterSeq } };
  return { status: 'ok', ...base };
}

/** The walk's result; `verifyAuditLog` adds the report of each stored checkpoint. */
export type AuditChainVerification = admin.AuditVerifyResponse extends infer R ? (R extends unknown ? Omit<R, 'checkpoints'> : never) : never;

function findBreak(
  row: AuditRow,
  hash: string,
  afterSeq: number | null,
  expectedPrev: string,
  key: KeyObject,
  checkpoint: admin.AuditCheckpoint | undefined,
): Found | undefined {
  if (row.seq !== (afterSeq ?? 0) + 1) return 'deleted';
  if (row.prev_hash !== expectedPrev) return 'link';
  if (macOf(key, row) !== hash) return 'edited';
  if (checkpoint?.seq === row.seq && checkpoint.entryHash !== hash) return 'diverged';
  return undefined;
}

/** undefined for a row the signer cannot have written (an integer beyond 2^53): it was edited. */
function macOf(key: KeyObject, row: AuditRow): string | undefined {
  try {
    return entryHash(key, row);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** A prev_hash that names another entry of the chain means entries were moved; else what it chained from is gone. */
function linkBreak(store: Pick<AuditStore, 'seqOfEntryHash'>, row: AuditRow): admin.AuditBreak['reason'] {
  return row.prev_hash !== null && store.seqOfEntryHash(row.prev_hash) !== undefined ? 'reordered' : 'unlinked';
}
