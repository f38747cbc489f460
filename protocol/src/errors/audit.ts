import type { ErrorDefinitions } from './define.js';

/**
 * Why a walk of the audit chain stopped. `truncated` and `diverged` need a checkpoint (a later,
 * Owner-signed one); without it, entries removed from the end of the log cannot be detected.
 */
export const AUDIT_BREAK_REASONS = ['edited', 'deleted', 'reordered', 'unlinked', 'unchained', 'truncated', 'diverged'] as const;
export type AuditBreakReason = (typeof AUDIT_BREAK_REASONS)[number];

export interface AuditBreakContext {
  /** The first entry that does not verify (for `truncated`, the checkpointed seq that is gone). */
  seq: number;
  reason: AuditBreakReason;
  /** The row before it, or null when it is the first row of the log. */
  afterSeq: number | null;
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
  }
}

/** The tamper-evident audit log (HMAC chain) and its queries. */
export const auditErrors = {
  AUDIT__CHAIN_BROKEN: {
    status: 409,
    message: (c: AuditBreakContext) => `The audit log is broken at seq ${c.seq}: ${explain(c)}.`,
  },
  AUDIT__INVALID_TIME: {
    status: 400,
    message: (c: { option: string; input: string }) =>
      `${c.option} "${c.input}" is neither an ISO 8601 time nor a duration such as 30m, 1h or 7d.`,
  },
} satisfies ErrorDefinitions;
