import { type admin, WaiaasError } from '@waiaas/protocol';
import type { AuditLog } from '../audit/audit-log.js';
import { parseOwnerAddress } from './owner-address.js';
import type { OwnerStore } from './owner-store.js';

interface Deps {
  owner: OwnerStore;
  audit: AuditLog;
  atomically: <T>(fn: () => T) => T;
  now: () => number;
}

export function ownerStatus(store: Pick<OwnerStore, 'get'>): admin.OwnerStatus {
  const owner = store.get();
  if (!owner) return { state: 'NONE', chain: null, address: null, setAt: null, lockedAt: null };
  return {
    state: owner.state,
    chain: owner.chain,
    address: owner.address,
    setAt: new Date(owner.setAt).toISOString(),
    lockedAt: owner.lockedAt === null ? null : new Date(owner.lockedAt).toISOString(),
  };
}

/**
 * The master sets the Owner's address from the CLI: GRACE. Once the Owner has signed with it
 * (LOCKED), the master password alone can no longer replace them — a stolen password must not be
 * able to swap the Owner for the thief.
 */
export function setOwner(deps: Deps, input: string): admin.OwnerStatus {
  const parsed = parseOwnerAddress(input);
  return deps.atomically(() => {
    const current = deps.owner.get();
    if (current?.state === 'LOCKED') throw new WaiaasError('OWNER__LOCKED', { owner: current.address });
    deps.owner.put(parsed, 'GRACE', deps.now());
    deps.audit.record({ actor: 'master', action: 'owner.set', details: { chain: parsed.chain, address: parsed.address, previous: current?.address ?? null } });
    return ownerStatus(deps.owner);
  });
}

/** Removes an Owner still in GRACE: APPROVAL-tier requests become DELAY again. */
export function removeOwner(deps: Deps): admin.OwnerStatus {
  return deps.atomically(() => {
    const current = deps.owner.get();
    if (!current) throw new WaiaasError('OWNER__NOT_REGISTERED');
    if (current.state === 'LOCKED') throw new WaiaasError('OWNER__LOCKED', { owner: current.address });
    deps.owner.clear();
    deps.audit.record({ actor: 'master', action: 'owner.remove', details: { address: current.address } });
    return ownerStatus(deps.owner);
  });
}
