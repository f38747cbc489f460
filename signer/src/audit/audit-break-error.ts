import { type admin, WaiaasError } from '@waiaas/protocol';

type Broken = Extract<admin.AuditVerifyResponse, { status: 'broken' }>;

/**
 * The coded error for a broken log. Breaks found through an Owner-signed checkpoint get their own
 * codes, naming the Owner who signed it; the rest are AUDIT__CHAIN_BROKEN.
 */
export function auditBreakError(result: Broken): WaiaasError {
  const { seq, reason, afterSeq } = result.break;
  const checkpoint = result.checkpoints.find((c) => c.seq === seq && (reason !== 'forged' || c.status === 'forged'));
  if (checkpoint !== undefined) {
    const context = { seq, afterSeq, owner: checkpoint.owner.address };
    if (reason === 'truncated') return new WaiaasError('AUDIT__TRUNCATED', context);
    if (reason === 'diverged') return new WaiaasError('AUDIT__CHECKPOINT_MISMATCH', context);
    if (reason === 'forged') return new WaiaasError('AUDIT__CHECKPOINT_INVALID', context);
  }
  return new WaiaasError('AUDIT__CHAIN_BROKEN', result.break);
}
