import type { ErrorDefinitions } from './define.js';

/**
 * Why a walk of the audit chain stopped. `truncated`, `diverged` and `forged` need an Owner-signed
 * checkpoint; without one, entries removed from the end of the log cannot be detected.
 */
export const AUDIT_BREAK_REASONS = ['edited', 'deleted', 'reordered', 'unlinked', 'unchained', 'truncated', 'diverged', 'forged'] as const;
export type AuditBreakReason = (typeof AUDIT_BREAK_REASONS)[number];

export interface AuditBreakContext {
  /** The first entry that does not verify (for `truncated`, the checkpointed seq that is gone). */
  seq: number;
  reason: AuditBreakReason;
  /** The row before it, or null when it is the first row of the log. */
  afterSeq: number | null;
}

export interface AuditCheckpointBreakContext {
  /** The checkpointed seq. */
  seq: number;
  /** The last entry before it that the walk accepted, or null when there is none. */
  afterSeq: number | null;
  /** The address of the Owner who signed the checkpoint (a public address, never a secret). */
  owner: string;
}

function explain({ seq, reason, afterSeq }: AuditBreakContext): string {
  const first = (afterSeq ?? 0) + 1;
  switch (reason) {
    case 'edited':
      return `its hash is not a valid MAC of its content, so it was edited, or written without the audit key`;
    case 'deleted':
      return first === seq - 1
        ? `entry ${first} before it was deleted`
        : `entries ${first}–${seq - 1} before it were deleted`;
    case 'reordered':
      return 'it holds an entry from elsewhere in the chain, so entries were reordered';
    case 'unlinked':
      return `it does not chain from ${afterSeq === null ? 'the genesis value' : `entry ${afterSeq}`}, so an entry before it was removed or replaced`;
    case 'unchained':
      return 'it has no hash although the chain started before it';
    case 'truncated':
      return 'the log ends before this checkpointed entry, so entries were removed from its end';
    case 'diverged':
      return 'it differs from the checkpoint, so the log was rewritten';
    case 'forged':
      return 'its checkpoint does not carry a valid Owner signature, so the checkpoint was forged or altered';
  }
}

/** The tamper-evident audit log (HMAC chain) and its queries. */
export const auditErrors = {
  AUDIT__CHAIN_BROKEN: {
    status: 409,
    message: (c: AuditBreakContext) => `The audit log is broken at seq ${c.seq}: ${explain(c)}.`,
  },
  /** An Owner-signed checkpoint names an entry the log no longer holds. */
  AUDIT__TRUNCATED: {
    status: 409,
    message: (c: AuditCheckpointBreakContext) =>
      `The audit log no longer holds entry ${c.seq}, which the Owner ${c.owner} signed in a checkpoint: ${
        c.afterSeq === null ? 'every entry up to it was removed' : `the entries after entry ${c.afterSeq} were removed`
      }.`,
  },
  /** The entry at a checkpoint's seq is not the one the Owner signed. */
  AUDIT__CHECKPOINT_MISMATCH: {
    status: 409,
    message: (c: AuditCheckpointBreakContext) =>
      `The audit log's entry ${c.seq} differs from the one the Owner ${c.owner} signed in a checkpoint: the log was rewritten.`,
  },
  /** A stored checkpoint whose signature does not verify: the database was edited. */
  AUDIT__CHECKPOINT_INVALID: {
    status: 409,
    message: (c: AuditCheckpointBreakContext) =>
      `The checkpoint of entry ${c.seq} does not carry a valid signature of the Owner ${c.owner}: it was forged or altered.`,
  },
  AUDIT__NOTHING_TO_CHECKPOINT: {
    status: 409,
    message: () => 'The audit log has no chained entry to checkpoint yet.',
  },
  AUDIT__INVALID_TIME: {
    status: 400,
    message: (c: { option: string; input: string }) =>
      `${c.option} "${c.input}" is neither an ISO 8601 time nor a duration such as 30m, 1h or 7d.`,
  },
} satisfies ErrorDefinitions;
