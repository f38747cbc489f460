import { WaiaasError, isWaiaasError, owner } from '@waiaas/protocol';
import { v7 as uuidv7 } from 'uuid';
import type { AuditLog } from '../audit/audit-log.js';
import type { IdentitySigner } from '../keystore/identity-key.js';
import { type OwnerDeviceStore, encodeDeviceKey } from './owner-device-store.js';
import { signerIdentityOf } from '../owner/signer-identity.js';
import { devicePublicKey, identityFingerprint, mac, macMatches } from './pairing-crypto.js';
import type { PairingCodes } from './pairing-codes.js';

export interface PairDeviceDeps {
  codes: PairingCodes;
  devices: OwnerDeviceStore;
  identity: () => IdentitySigner;
  audit: AuditLog;
  now: () => number;
}

/**
 * POST /v1/owner/pair. The device proves it holds the code with a MAC over its key, name, nonce
 * and origin (the code itself never crosses the wire); a match spends the code, stores the device,
 * and answers with the identity key and a MAC of our own, so the device knows it reached the
 * signer that printed the code before it pins that key. Every refusal is audited.
 */
export function pairDevice(deps: PairDeviceDeps, request: owner.PairRequest, origin: string | undefined): owner.PairResponse {
  try {
    const allowed = owner.ExtensionOrigin.safeParse(origin);
    if (!allowed.success) throw new WaiaasError('PAIRING__ORIGIN_NOT_ALLOWED', { origin: origin ?? '' });
    devicePublicKey(request.publicKey);
    const storedKey = encodeDeviceKey(request.publicKey);
    const transcript = owner.pairRequestTranscript({
      origin: allowed.data,
      algorithm: request.publicKey.algorithm,
      spki: request.publicKey.spki,
      name: request.name,
      nonce: request.nonce,
    });
    // Redeem before the duplicate-key check, so a stranger learns nothing about paired keys.
    const key = deps.codes.redeem((k) => (macMatches(k, transcript, request.mac) ? Buffer.from(k) : undefined));
    try {
      if (deps.devices.hasKey(storedKey)) throw new WaiaasError('PAIRING__KEY_ALREADY_PAIRED');
      const identityKey = Buffer.from(deps.identity().publicKey).toString('base64url');
      const deviceId = uuidv7();
      deps.devices.insert({ id: deviceId, name: request.name, public_key: storedKey, origin: allowed.data, paired_at: deps.now() });
      deps.audit.record({
        actor: `owner:${deviceId}`,
        action: 'owner.pair',
        details: { deviceId, name: request.name, origin: allowed.data, algorithm: request.publicKey.algorithm },
      });
      return {
        deviceId,
        identityKey,
        fingerprint: identityFingerprint(deps.identity().publicKey),
        signerIdentity: signerIdentityOf(deps.identity().publicKey),
        mac: mac(key, owner.pairResponseTranscript({ requestMac: request.mac, deviceId, identityKey })),
      };
    } finally {
      key.fill(0);
    }
  } catch (error) {
    if (isWaiaasError(error)) {
      deps.audit.record({ actor: 'system', action: 'owner.pair_refused', details: { code: error.code, origin: origin ?? null, name: request.name } });
    }
    throw error;
  }
}
