import { type admin, type CosignRequest, WaiaasError } from '@waiaas/protocol';
import type { AuditActor } from '../audit/audit-log.js';
import { CHALLENGE_TTL_MS, issuedNonce, type OwnerActionDeps, requestFor, signerActionFields } from '../owner/owner-challenge.js';
import { verifyCosign } from '../owner/verify-cosign.js';
import type { KillSwitchStore } from './kill-switch-store.js';

export interface RecoverDeps extends OwnerActionDeps {
  killSwitch: KillSwitchStore;
}

/** The recover message names the engagement it ends, so a signature cannot end a later one. */
const subjectOf = (status: admin.KillSwitchStatus) => `kill-switch:${status.changedAt}`;
const summaryOf = (status: admin.KillSwitchStatus, signer: string) =>
  `Recover the WAIaaS signer ${signer} from the kill switch engaged (${status.state}) at ${status.changedAt} by ${status.actor}; agents may then be given new sessions`;

function engaged(deps: Pick<RecoverDeps, 'killSwitch'>): admin.KillSwitchStatus {
  const status = deps.killSwitch.get();
  if (status.state === 'ACTIVE') throw new WaiaasError('KILL_SWITCH__NOT_ENGAGED', { state: status.state });
  return status;
}

/** The message the registered Owner signs to agree to a recovery. */
export function recoverChallenge(deps: RecoverDeps): CosignRequest {
  const status = engaged(deps);
  const owner = deps.owner.get();
  if (!owner) throw new WaiaasError('OWNER__NOT_REGISTERED');
  const nonce = deps.nonces.issue('recover', subjectOf(status), deps.now(), CHALLENGE_TTL_MS);
  return requestFor(owner, signerActionFields('recover', summaryOf(status, deps.signerIdentity()), deps.signerIdentity(), nonce));
}

/**
 * Back to ACTIVE. The caller has proven the master password (admin token or a password in the
 * command); with an Owner registered, their signature over the recover message is needed as well,
 * so neither a stolen password nor a stolen browser alone can undo the Owner's emergency stop.
 * Sessions revoked by the activation stay revoked: agents need new ones.
 */
export async function recoverKillSwitch(
  deps: RecoverDeps,
  request: { actor: AuditActor; proof?: { nonce: string; signature: string } },
): Promise<admin.KillSwitchStatus> {
  const status = engaged(deps);
  const owner = deps.owner.get();
  if (owner) {
    if (!request.proof) throw new WaiaasError('KILL_SWITCH__OWNER_SIGNATURE_REQUIRED', { owner: owner.address });
    const nonce = issuedNonce(deps.nonces, request.proof.nonce, 'recover', subjectOf(status));
    try {
      await verifyCosign(owner, signerActionFields('recover', summaryOf(status, deps.signerIdentity()), deps.signerIdentity(), nonce), request.proof.signature);
    } catch (error) {
      deps.audit.record({ actor: request.actor, action: 'kill_switch.recover.refused', details: { code: (error as WaiaasError).code } });
      throw error;
    }
  }
  return deps.atomically(() => {
    const now = deps.now();
    if (owner && request.proof) deps.nonces.consume(request.proof.nonce, 'recover', subjectOf(status), now);
    if (!deps.killSwitch.transition(status.state, 'ACTIVE', { at: now, actor: request.actor, reason: null })) {
      throw new WaiaasError('KILL_SWITCH__NOT_ENGAGED', { state: deps.killSwitch.get().state });
    }
    if (owner?.state === 'GRACE' && request.proof) deps.owner.lock(owner.address, now);
    deps.audit.record({ actor: request.actor, action: 'kill_switch.recover', details: { ownerSigned: Boolean(owner) } });
    return deps.killSwitch.get();
  });
}
