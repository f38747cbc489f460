import { type admin, type CosignRequest, WaiaasError } from '@waiaas/protocol';
import type { CosignNonces } from '../owner/cosign-nonces.js';
import { CHALLENGE_TTL_MS, issuedNonce, requestFor } from '../owner/owner-challenge.js';
import type { OwnerStore } from '../owner/owner-store.js';
import { verifyCosign } from '../owner/verify-cosign.js';
import { auditBreakError } from './audit-break-error.js';
import type { AuditLog } from './audit-log.js';
import type { AuditStore } from './audit-store.js';
import { checkpointFields, checkpointSubject } from './checkpoint-message.js';
import type { CheckpointStore } from './checkpoint-store.js';

export interface SignCheckpointDeps {
  owner: OwnerStore;
  nonces: CosignNonces;
  audit: AuditLog;
  store: Pick<AuditStore, 'entryHashAt' | 'countThrough'>;
  checkpoints: Pick<CheckpointStore, 'insert'>;
  /** The whole verification, stored checkpoints included: the Owner is only asked to vouch for an intact log. */
  verify: () => Promise<admin.AuditVerifyResponse>;
  signerIdentity: () => string;
  atomically: <T>(fn: () => T) => T;
  now: () => number;
}

function registeredOwner(deps: Pick<SignCheckpointDeps, 'owner'>) {
  const owner = deps.owner.get();
  if (!owner) throw new WaiaasError('OWNER__NOT_REGISTERED');
  return owner;
}

/** The message the registered Owner signs to vouch for the log's current head. */
export async function checkpointChallenge(deps: SignCheckpointDeps): Promise<CosignRequest> {
  const owner = registeredOwner(deps);
  const result = await deps.verify();
  if (result.status === 'broken') throw auditBreakError(result);
  if (result.head === null) throw new WaiaasError('AUDIT__NOTHING_TO_CHECKPOINT');
  const nonce = deps.nonces.issue('checkpoint', checkpointSubject(result.head), deps.now(), CHALLENGE_TTL_MS);
  const head = { ...result.head, entries: result.legacy + result.verified };
  return requestFor(owner, checkpointFields(head, deps.signerIdentity(), nonce));
}

/**
 * Stores the Owner's signature over a head. The message is rebuilt from the nonce the signer
 * issued for that very entry and from the log as it is now, never from the answer; the nonce is
 * spent, the checkpoint stored and the event audited in one transaction. Like every valid Owner
 * signature, it moves an Owner in GRACE to LOCKED.
 */
export async function signCheckpoint(
  deps: SignCheckpointDeps,
  answer: { seq: number; nonce: string; signature: string; via: string },
): Promise<admin.AuditCheckpointReport> {
  const owner = registeredOwner(deps);
  try {
    const entryHash = deps.store.entryHashAt(answer.seq)?.entry_hash;
    // An entry that is gone or unchained cannot be the one a nonce was issued for.
    if (entryHash === undefined || entryHash === null) throw new WaiaasError('COSIGN__NONCE_UNKNOWN', { action: 'checkpoint' });
    const head = { seq: answer.seq, entryHash, entries: deps.store.countThrough(answer.seq) };
    const nonce = issuedNonce(deps.nonces, answer.nonce, 'checkpoint', checkpointSubject(head));
    await verifyCosign(owner, checkpointFields(head, deps.signerIdentity(), nonce), answer.signature);
    return deps.atomically(() => {
      const now = deps.now();
      // The Owner must still be the one who was asked.
      if (deps.owner.get()?.address !== owner.address) throw new WaiaasError('COSIGN__INVALID_SIGNATURE', { action: 'checkpoint', owner: owner.address });
      deps.nonces.consume(answer.nonce, 'checkpoint', checkpointSubject(head), now);
      deps.checkpoints.insert({
        seq: head.seq,
        entry_hash: head.entryHash,
        entries: head.entries,
        nonce: nonce.nonce,
        issued_at: nonce.issuedAt,
        expires_at: nonce.expiresAt,
        owner_chain: owner.chain,
        owner_address: owner.address,
        signature: answer.signature,
        signed_at: now,
      });
      if (owner.state === 'GRACE') deps.owner.lock(owner.address, now);
      deps.audit.record({ actor: `owner:${owner.address}`, action: 'audit.checkpoint', details: { seq: head.seq, entryHash: head.entryHash, via: answer.via } });
      return { ...head, owner: { chain: owner.chain, address: owner.address }, signedAt: new Date(now).toISOString(), status: 'verified' as const };
    });
  } catch (error) {
    if (error instanceof WaiaasError) {
      deps.audit.record({ actor: 'system', action: 'audit.checkpoint.refused', details: { seq: answer.seq, via: answer.via, code: error.code } });
    }
    throw error;
  }
}
