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
    expect(broken(4, 'forged', null)).toBe(
      'The audit log is broken at seq 4: its checkpoint does not carry a valid Owner signature, so the checkpoint was forged or altered.',
    );
  });

  it('is a 409 with its break as context', () => {
    const error = new WaiaasError('AUDIT__CHAIN_BROKEN', { seq: 3, reason: 'edited', afterSeq: 2 });
    expect(error.status).toBe(409);
    expect(error.toResponse().error.context).toEqual({ seq: 3, reason: 'edited', afterSeq: 2 });
  });
});

describe('the Owner-signed checkpoint codes', () => {
  const owner = '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin';
  it('name the checkpointed entry and the Owner who signed it', () => {
    expect(new WaiaasError('AUDIT__TRUNCATED', { seq: 9, afterSeq: 6, owner }).message).toBe(
      `The audit log no longer holds entry 9, which the Owner ${owner} signed in a checkpoint: the entries after entry 6 were removed.`,
    );
    expect(new WaiaasError('AUDIT__TRUNCATED', { seq: 9, afterSeq: null, owner }).message).toBe(
      `The audit log no longer holds entry 9, which the Owner ${owner} signed in a checkpoint: every entry up to it was removed.`,
    );
    expect(new WaiaasError('AUDIT__CHECKPOINT_MISMATCH', { seq: 9, afterSeq: 8, owner }).message).toBe(
      `The audit log's entry 9 differs from the one the Owner ${owner} signed in a checkpoint: the log was rewritten.`,
    );
    expect(new WaiaasError('AUDIT__CHECKPOINT_INVALID', { seq: 9, afterSeq: null, owner }).message).toBe(
      `The checkpoint of entry 9 does not carry a valid signature of the Owner ${owner}: it was forged or altered.`,
    );
    expect(new WaiaasError('AUDIT__TRUNCATED', { seq: 9, afterSeq: 6, owner }).status).toBe(409);
  });
});
