import { type CosignRequest, WaiaasError } from '@waiaas/protocol';
import { parseOwnerAddress } from './owner-address.js';
import { CHALLENGE_TTL_MS, issuedNonce, type OwnerActionDeps, requestFor, signerActionFields } from './owner-challenge.js';
import type { Owner } from './owner-store.js';
import { verifyCosign } from './verify-cosign.js';

export type RegisterOwnerDeps = OwnerActionDeps;

export interface RegisterOwnerChallenge {
  /** Signed by the new Owner's wallet: proof they control the address. */
  owner: CosignRequest;
  /** The same message, to be signed by the current LOCKED Owner when they are being replaced. */
  currentOwner: CosignRequest | null;
}

const summaryOf = (address: string, current: Owner | undefined, signer: string) =>
  current?.state === 'LOCKED' && current.address !== address
    ? `Replace the Owner ${current.address} with ${address} on the WAIaaS signer ${signer}`
    : `Register ${address} as the Owner of the WAIaaS signer ${signer}`;

/** Issues the message a new Owner signs to register (and, replacing a LOCKED Owner, the current one too). */
export function registerOwnerChallenge(deps: RegisterOwnerDeps, input: string): RegisterOwnerChallenge {
  const next = parseOwnerAddress(input);
  const current = deps.owner.get();
  const nonce = deps.nonces.issue('register-owner', next.address, deps.now(), CHALLENGE_TTL_MS);
  const fields = signerActionFields('register-owner', summaryOf(next.address, current, deps.signerIdentity()), deps.signerIdentity(), nonce);
  const replacing = current?.state === 'LOCKED' && current.address !== next.address;
  return { owner: requestFor(next, fields), currentOwner: replacing ? requestFor(current, fields) : null };
}

/**
 * The Owner proves control of their address with a signature: the Owner becomes LOCKED. Replacing
 * a LOCKED Owner needs the current Owner's signature over the same message as well — the master
 * password alone never takes the Owner's place.
 */
export async function registerOwner(
  deps: RegisterOwnerDeps,
  answer: { address: string; nonce: string; signature: string; currentOwnerSignature?: string; via: string },
): Promise<Owner> {
  const next = parseOwnerAddress(answer.address);
  const current = deps.owner.get();
  const nonce = issuedNonce(deps.nonces, answer.nonce, 'register-owner', next.address);
  const fields = signerActionFields('register-owner', summaryOf(next.address, current, deps.signerIdentity()), deps.signerIdentity(), nonce);
  try {
    await verifyCosign(next, fields, answer.signature);
    if (current?.state === 'LOCKED' && current.address !== next.address) {
      await verifyCosign(current, fields, answer.currentOwnerSignature ?? '');
    }
    return deps.atomically(() => {
      const now = deps.now();
      // The Owner must still be the one the message named.
      if (deps.owner.get()?.address !== current?.address) throw new WaiaasError('COSIGN__INVALID_SIGNATURE', { action: 'register-owner', owner: next.address });
      deps.nonces.consume(answer.nonce, 'register-owner', next.address, now);
      deps.owner.put(next, 'LOCKED', now);
      deps.audit.record({ actor: `owner:${next.address}`, action: 'owner.register', details: { address: next.address, previous: current?.address ?? null, via: answer.via } });
      return deps.owner.get() as Owner;
    });
  } catch (error) {
    if (error instanceof WaiaasError) {
      deps.audit.record({ actor: 'system', action: 'owner.register.refused', details: { address: next.address, via: answer.via, code: error.code } });
    }
    throw error;
  }
}
