import { type CosignAction, type CosignFields, type CosignRequest, WaiaasError } from '@waiaas/protocol';
import type { AuditLog } from '../audit/audit-log.js';
import type { CosignNonces, IssuedNonce } from './cosign-nonces.js';
import type { OwnerAddress } from './owner-address.js';
import type { OwnerStore } from './owner-store.js';

/** What every Owner-signed action works with: the Owner, the nonces the signer issued, the audit log. */
export interface OwnerActionDeps {
  owner: OwnerStore;
  nonces: CosignNonces;
  audit: AuditLog;
  signerIdentity: () => string;
  atomically: <T>(fn: () => T) => T;
  now: () => number;
}

/** How long a register-owner or recover message may wait for the Owner's signature. */
export const CHALLENGE_TTL_MS = 10 * 60_000;

const NONE = '—';
const iso = (ms: number) => new Date(ms).toISOString();

/** Fields of a message that is about the signer itself, not about a transaction. */
export function signerActionFields(action: Exclude<CosignAction, 'approve' | 'reject'>, summary: string, signer: string, nonce: IssuedNonce): CosignFields {
  return {
    action,
    summary,
    amount: NONE,
    recipient: NONE,
    network: NONE,
    wallet: NONE,
    digest: NONE,
    signer,
    nonce: nonce.nonce,
    issuedAt: iso(nonce.issuedAt),
    expiresAt: iso(nonce.expiresAt),
  };
}

export const requestFor = (who: Pick<OwnerAddress, 'chain'>, fields: CosignFields): CosignRequest => ({
  fields,
  format: who.chain === 'solana' ? 'solana-message' : 'eip712',
});

/**
 * The nonce a signed answer names, as issued: for this action and subject. Its times go into the
 * rebuilt message; a nonce of another action or subject verifies nothing.
 */
export function issuedNonce(nonces: CosignNonces, nonce: string, action: CosignAction, subject: string): IssuedNonce {
  const found = nonces.get(nonce);
  if (!found || found.purpose !== action || found.subject !== subject) throw new WaiaasError('COSIGN__NONCE_UNKNOWN', { action });
  return found;
}
