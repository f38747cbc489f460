import type { admin, CosignFields } from '@waiaas/protocol';
import type { IssuedNonce } from '../owner/cosign-nonces.js';
import { signerActionFields } from '../owner/owner-challenge.js';

/** The head a checkpoint vouches for, and how many entries the log held up to it. */
export interface CheckpointHead extends admin.AuditCheckpoint {
  entries: number;
}

/** A checkpoint nonce answers for one head only: a signature cannot be moved to another entry. */
export const checkpointSubject = (head: admin.AuditCheckpoint): string => `audit:${head.seq}:${head.entryHash}`;

/**
 * What the Owner signs. The entry hash is the digest: it commits to the whole chain up to it, so
 * a log rewritten or cut back before it can no longer produce that entry, even with the audit key.
 * Rendered again from stored values at every verification, never read back as text.
 */
export function checkpointFields(head: CheckpointHead, signer: string, nonce: IssuedNonce): CosignFields {
  const summary = `Audit log of signer ${signer} has ${head.entries} entries; the last, #${head.seq}, hashes to ${head.entryHash}`;
  return { ...signerActionFields('checkpoint', summary, signer, nonce), digest: head.entryHash };
}
