import { describe, expect, it } from 'vitest';
import type { AuditBreakReason } from './audit.js';
import { WaiaasError } from './waiaas-error.js';

const broken = (seq: number, reason: AuditBreakReason, afterSeq: number | null) =>
  new WaiaasError('AUDIT__CHAIN_BROKEN', { seq, reason, afterSeq }).message;

describe('AUDIT__CHAIN_BROKEN', () => {
  it('says where the chain breaks and what that means, for every reason', () => {
    expect(broken(3, 'edited', 2)).toBe(
      'The audit log is broken at seq 3: its hash is not a valid MAC of its content, so it was edited, or written without the audit key.',
    );
    expect(broken(5, 'deleted', 3)).toBe('The audit log is broken at seq 5: entry 4 before it was deleted.');
    expect(broken(5, 'deleted', null)).toBe('The audit log is broken at seq 5: entries 1–4 before it were deleted.');
    expect(broken(2, 'reordered', 1)).toBe(
      'The audit log is broken at seq 2: it holds an entry from elsewhere in the chain, so entries were reordered.',
    );
    expect(broken(1, 'unlinked', null)).toBe(
      'The audit log is broken at seq 1: it does not chain from the genesis value, so an entry before it was removed or replaced.',
    );
    expect(broken(7, 'unchained', 6)).toBe('The audit log is broken at seq 7: it has no hash although the chain started before it.');
    expect(broken(9, 'truncated', 6)).toBe(
      'The audit log is broken at seq 9: the log ends before this checkpointed entry, so entries were removed from its end.',
    );
    expect(broken(4, 'diverged', 3)).toBe('The audit log is broken at seq 4: it differs from the checkpoint, so the log was rewritten.');
  });

  it('is a 409 with its break as context', () => {
    const error = new WaiaasError('AUDIT__CHAIN_BROKEN', { seq: 3, reason: 'edited', afterSeq: 2 });
    expect(error.status).toBe(409);
    expect(error.toResponse().error.context).toEqual({ seq: 3, reason: 'edited', afterSeq: 2 });
  });
});
