import { type KeyObject, createHash, createHmac, createPublicKey, hkdfSync, timingSafeEqual, verify } from 'node:crypto';
import { WaiaasError, owner } from '@waiaas/protocol';

/** HMAC key of a pairing code: HKDF-SHA256 of its canonical form. Only this is kept, never the code. */
export function pairingKey(canonicalCode: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(canonicalCode, 'utf8'), Buffer.alloc(0), owner.PAIRING_KEY_INFO, 32));
}

export function mac(key: Buffer, transcript: string): string {
  return createHmac('sha256', key).update(transcript, 'utf8').digest('base64url');
}

/** Constant-time comparison of a received MAC with the expected one. */
export function macMatches(key: Buffer, transcript: string, received: string): boolean {
  const expected = createHmac('sha256', key).update(transcript, 'utf8').digest();
  const given = Buffer.from(received, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Parses a device's SPKI public key, refusing one that is not of the algorithm it claims. */
export function devicePublicKey(key: owner.DevicePublicKey): KeyObject {
  let parsed: KeyObject;
  try {
    parsed = createPublicKey({ key: Buffer.from(key.spki, 'base64url'), format: 'der', type: 'spki' });
  } catch {
    throw new WaiaasError('PAIRING__KEY_INVALID', { algorithm: key.algorithm, reason: 'it is not a DER SubjectPublicKeyInfo' });
  }
  const ok =
    key.algorithm === 'Ed25519'
      ? parsed.asymmetricKeyType === 'ed25519'
      : parsed.asymmetricKeyType === 'ec' && parsed.asymmetricKeyDetails?.namedCurve === 'prime256v1';
  if (!ok) throw new WaiaasError('PAIRING__KEY_INVALID', { algorithm: key.algorithm, reason: `it is a ${parsed.asymmetricKeyType ?? 'unknown'} key` });
  return parsed;
}

/** Checks a device signature as WebCrypto makes it (ECDSA: SHA-256, r‖s). */
export function deviceSignatureValid(key: owner.DevicePublicKey, transcript: string, signature: string): boolean {
  const data = Buffer.from(transcript, 'utf8');
  const sig = Buffer.from(signature, 'base64url');
  try {
    const publicKey = devicePublicKey(key);
    return key.algorithm === 'Ed25519'
      ? verify(null, data, publicKey, sig)
      : verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, sig);
  } catch {
    return false;
  }
}

/** The fingerprint people compare: see `owner.formatFingerprint`. */
export function identityFingerprint(publicKey: Uint8Array): string {
  return owner.formatFingerprint(createHash('sha256').update(publicKey).digest('hex'));
}
