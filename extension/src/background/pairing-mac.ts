/// <reference lib="dom" />
import { owner } from '@waiaas/protocol';
import { toBase64Url, utf8 } from './base64url.js';

/**
 * HMAC-SHA256 keyed by HKDF-SHA256 of the canonical pairing code: how each side proves it holds the
 * code without sending it. `code` must already be canonical (owner.normalizePairingCode).
 */
export async function pairingMac(subtle: SubtleCrypto, code: string, transcript: string): Promise<string> {
  const ikm = await subtle.importKey('raw', utf8(code), 'HKDF', false, ['deriveKey']);
  const key = await subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8(owner.PAIRING_KEY_INFO) },
    ikm,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign'],
  );
  return toBase64Url(await subtle.sign('HMAC', key, utf8(transcript)));
}

/** Compares two MACs in time independent of where they differ. */
export function macEquals(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
