/*
 * The exact byte strings each side MACs or signs, built in one place so the signer and the
 * extension cannot drift apart. Each is a JSON array: unambiguous whatever a field contains, with
 * a purpose label first so a signature made for one step can never be passed off as another.
 * Encode the result as UTF-8 before MACing or signing.
 */

/** HKDF-SHA256 info that turns the pairing code (its canonical UTF-8 form) into the HMAC key. */
export const PAIRING_KEY_INFO = 'waiaas/owner-pairing/v1';

/** What the device MACs with the code's key: proves it holds the code, binds its key, name and origin. */
export function pairRequestTranscript(p: {
  origin: string;
  algorithm: string;
  spki: string;
  name: string;
  nonce: string;
}): string {
  return JSON.stringify(['waiaas/owner-pair-request/v1', p.origin, p.algorithm, p.spki, p.name, p.nonce]);
}

/**
 * What the signer MACs back: proves it held the code too, and binds the identity key the device
 * then pins, to this very request (its MAC).
 */
export function pairResponseTranscript(p: { requestMac: string; deviceId: string; identityKey: string }): string {
  return JSON.stringify(['waiaas/owner-pair-response/v1', p.requestMac, p.deviceId, p.identityKey]);
}

/** What the signer signs with its identity key when it opens a connection. */
export function challengeTranscript(p: { nonce: string; expiresAt: string }): string {
  return JSON.stringify(['waiaas/owner-challenge/v1', p.nonce, p.expiresAt]);
}

/**
 * What the device signs with its own key to authenticate: the challenge, the signer it pinned (so
 * an answer is worthless to any other signer) and its own origin.
 */
export function authTranscript(p: { nonce: string; identityKey: string; origin: string }): string {
  return JSON.stringify(['waiaas/owner-auth/v1', p.nonce, p.identityKey, p.origin]);
}

/**
 * How people compare identity keys: SHA-256 of the raw 32-byte Ed25519 public key, the first 16
 * bytes in hex, grouped by four ("ab12:cd34:…"). Takes the digest in hex.
 */
export function formatFingerprint(sha256Hex: string): string {
  return (sha256Hex.slice(0, 32).match(/.{4}/g) ?? []).join(':');
}
