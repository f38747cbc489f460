import { CosignRequest } from '@waiaas/protocol';
import { z } from 'zod';

/**
 * Where the co-signed result goes: the window that opened the page. The extension's origin in real
 * use (chrome-extension:// or moz-extension://); an http(s) origin is accepted too, because the
 * result is self-authenticating (the signer verifies the signature against the fields it issued)
 * and tells the receiver nothing the author of the hash did not already know, apart from the address
 * the Owner chose to sign with.
 */
export const OpenerOrigin = z
  .string()
  .regex(/^((chrome|moz)-extension:\/\/[A-Za-z0-9-]{1,64}|https?:\/\/[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|http:\/\/\[::1\](:[0-9]{1,5})?)$/, 'must be an extension or http(s) origin, without a path');

/** What the extension puts after `#`: base64url of this JSON. The signer never sees it (fragments are not sent). */
export const CosignHash = z.strictObject({
  request: CosignRequest,
  openerOrigin: OpenerOrigin,
});
export type CosignHash = z.infer<typeof CosignHash>;

export type ParsedHash = { ok: true; value: CosignHash } | { ok: false; reason: string };

/** Decodes `location.hash`; every failure is a readable reason for the page, never a throw. */
export function parseCosignHash(hash: string): ParsedHash {
  const encoded = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!encoded) return { ok: false, reason: 'This page was opened without a request: open it from the WAIaaS extension.' };
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(encoded)) return { ok: false, reason: 'The request in the address is not base64url.' };
  let json: unknown;
  try {
    json = JSON.parse(decodeBase64Url(encoded));
  } catch {
    return { ok: false, reason: 'The request in the address is not base64url-encoded UTF-8 JSON.' };
  }
  const parsed = CosignHash.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `The request in the address is malformed: ${issue ? `${issue.path.join('.') || '(root)'} ${issue.message}` : 'unknown problem'}.` };
  }
  return { ok: true, value: parsed.data };
}

/** The inverse, for whoever opens the page (the extension, the tests). */
export function encodeCosignHash(value: CosignHash): string {
  const bytes = new TextEncoder().encode(JSON.stringify(CosignHash.parse(value)));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `#${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

function decodeBase64Url(encoded: string): string {
  const base64 = encoded.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  // fatal: a request that is not UTF-8 is refused rather than shown with replacement characters.
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
}
