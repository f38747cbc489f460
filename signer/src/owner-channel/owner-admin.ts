import { type owner, WaiaasError } from '@waiaas/protocol';
import type { AuditLog } from '../audit/audit-log.js';
import type { IdentitySigner } from '../keystore/identity-key.js';
import { type OwnerDeviceStore, toOwnerDevice } from './owner-device-store.js';
import { signerIdentityOf } from '../owner/signer-identity.js';
import { identityFingerprint } from './pairing-crypto.js';
import { MAX_PAIRING_TTL_SECONDS, type PairingCodes } from './pairing-codes.js';

/** What the admin API (the CLI's `waiaas pair`) does with the Owner channel. */
export function createOwnerAdmin(deps: {
  codes: PairingCodes;
  devices: OwnerDeviceStore;
  identity: () => IdentitySigner;
  /** Closes a device's open connections; returns how many. */
  disconnect: (deviceId: string) => number;
  audit: AuditLog;
  now: () => number;
  /** Where the extension reaches the signer. */
  address: string;
}) {
  return {
    createPairingCode(request: { ttlSeconds?: number }): owner.CreatePairingCodeResponse {
      const { code, expiresAt } = deps.codes.create(request.ttlSeconds ?? MAX_PAIRING_TTL_SECONDS);
      // The code itself is never recorded: only that one was issued, and until when.
      deps.audit.record({ actor: 'master', action: 'owner.pairing_code', details: { expiresAt: new Date(expiresAt).toISOString() } });
      return {
        code,
        expiresAt: new Date(expiresAt).toISOString(),
        address: deps.address,
        fingerprint: identityFingerprint(deps.identity().publicKey),
        // The form co-sign messages use, so the Owner can match what the wallet prompt shows.
        signerIdentity: signerIdentityOf(deps.identity().publicKey),
      };
    },
    listDevices: (): owner.OwnerDevice[] => deps.devices.list().map(toOwnerDevice),
    revokeDevice(deviceId: string): { device: owner.OwnerDevice; closedConnections: number } {
      if (!deps.devices.get(deviceId)) throw new WaiaasError('OWNER__DEVICE_NOT_FOUND', { deviceId });
      const revoked = deps.devices.revoke(deviceId, deps.now());
      const closedConnections = deps.disconnect(deviceId);
      if (revoked) deps.audit.record({ actor: 'master', action: 'owner.device_revoke', details: { deviceId, closedConnections } });
      const row = deps.devices.get(deviceId);
      if (!row) throw new WaiaasError('OWNER__DEVICE_NOT_FOUND', { deviceId });
      return { device: toOwnerDevice(row), closedConnections };
    },
  };
}
