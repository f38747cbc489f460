import { z } from 'zod';
import { Id, Timestamp } from '../common/ids.js';
import { PAIRING_CODE_LENGTH } from './pairing-code.js';

/** Both are WebCrypto algorithms with non-extractable keys in every browser the extension targets. */
export const DeviceKeyAlgorithm = z.enum(['Ed25519', 'ECDSA-P256']);
export type DeviceKeyAlgorithm = z.infer<typeof DeviceKeyAlgorithm>;

const base64url = (min: number, max: number) => z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${min},${max}}$`), 'must be base64url');

/** A device's public key: WebCrypto `exportKey('spki')`, base64url. */
export const DevicePublicKey = z.strictObject({ algorithm: DeviceKeyAlgorithm, spki: base64url(40, 200) });
export type DevicePublicKey = z.infer<typeof DevicePublicKey>;

/** Only a browser extension may pair: a web page's origin is never accepted. */
export const ExtensionOrigin = z
  .string()
  .regex(/^(chrome|moz)-extension:\/\/[A-Za-z0-9-]{1,64}$/, 'must be chrome-extension://… or moz-extension://…');

export const DeviceName = z.string().min(1).max(64).regex(/^[^\p{Cc}]+$/u, 'must not hold control characters');

/** A 32-byte HMAC-SHA256, base64url without padding. */
export const Mac = base64url(43, 43);
/** A random value the sender picks (16 bytes or more), base64url. */
export const Nonce = base64url(22, 86);
/** The signer's Ed25519 identity public key: 32 bytes, base64url. */
export const IdentityKey = base64url(43, 43);

/** The signer's identity key in base58, as co-sign messages name the signer: `ed25519:<base58>`. */
export const SignerIdentity = z.string().regex(/^ed25519:[1-9A-HJ-NP-Za-km-z]{32,44}$/, 'must be ed25519:<base58 public key>');

/** POST /v1/owner/pair: the device proves it holds the code by a MAC, never by sending the code. */
export const PairRequest = z.strictObject({
  protocol: z.literal('1'),
  publicKey: DevicePublicKey,
  name: DeviceName,
  nonce: Nonce,
  /** HMAC-SHA256(HKDF(code), pairRequestTranscript(origin, key, name, nonce)). */
  mac: Mac,
});
export type PairRequest = z.infer<typeof PairRequest>;

export const PairResponse = z.object({
  deviceId: Id,
  identityKey: IdentityKey,
  fingerprint: z.string(),
  /**
   * The identity key as co-sign messages name the signer, `ed25519:<base58>`: the string the
   * Owner's wallet prompt shows. Derived from `identityKey` (the device can check it), so the MAC
   * below covers it through that key.
   */
  signerIdentity: SignerIdentity,
  /** HMAC-SHA256(HKDF(code), pairResponseTranscript(request mac, deviceId, identityKey)). */
  mac: Mac,
});
export type PairResponse = z.infer<typeof PairResponse>;

/** Admin API: `waiaas pair`. The TTL is at most 10 minutes; tests ask for less. */
export const CreatePairingCodeRequest = z.strictObject({ ttlSeconds: z.number().int().min(1).max(600).optional() });
export const CreatePairingCodeResponse = z.object({
  code: z.string().length(PAIRING_CODE_LENGTH + PAIRING_CODE_LENGTH / 4 - 1),
  expiresAt: Timestamp,
  /** Where the extension reaches the signer, e.g. http://127.0.0.1:3100. */
  address: z.string(),
  fingerprint: z.string(),
  /** The same key as co-sign messages name it (`ed25519:<base58>`), as PairResponse gives it. */
  signerIdentity: SignerIdentity,
});
export type CreatePairingCodeResponse = z.infer<typeof CreatePairingCodeResponse>;

export const OwnerDevice = z.object({
  id: Id,
  name: z.string(),
  origin: z.string(),
  algorithm: DeviceKeyAlgorithm,
  status: z.enum(['active', 'revoked']),
  pairedAt: Timestamp,
  lastSeenAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
export type OwnerDevice = z.infer<typeof OwnerDevice>;

export const ListOwnerDevicesResponse = z.object({ devices: z.array(OwnerDevice) });
export const RevokeOwnerDeviceResponse = z.object({ device: OwnerDevice, closedConnections: z.number().int().nonnegative() });
