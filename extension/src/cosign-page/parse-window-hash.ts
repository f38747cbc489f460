import { owner } from '@waiaas/protocol';

export type ParsedWindowHash = { ok: true; value: owner.CosignWindowHash } | { ok: false; reason: string };

/**
 * Decodes `location.hash` (base64url of the JSON the companion wrote). The fragment is never sent
 * to the signer, and anything in the address bar may have been typed by anyone: every failure is a
 * readable reason for the page, never a throw.
 */
export function parseWindowHash(hash: string): ParsedWindowHash {
  const encoded = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!encoded) return { ok: false, reason: 'This window was opened without a request: open it from the WAIaaS companion.' };
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(encoded)) return { ok: false, reason: 'The request in the address is not base64url.' };
  let json: unknown;
  try {
    json = JSON.parse(decodeBase64Url(encoded));
  } catch {
    return { ok: false, reason: 'The request in the address is not base64url-encoded UTF-8 JSON.' };
  }
  const parsed = owner.CosignWindowHash.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'} ${issue.message}` : 'unknown problem';
    return { ok: false, reason: `The request in the address is malformed: ${where}.` };
  }
  return { ok: true, value: parsed.data };
}

/** The inverse, for whoever opens the window (the companion's background, the tests). */
export function encodeWindowHash(value: owner.CosignWindowHash): string {
  const bytes = new TextEncoder().encode(JSON.stringify(owner.CosignWindowHash.parse(value)));
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
