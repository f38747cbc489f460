/*
 * base64url without padding (RFC 4648 §5), the encoding of every key, MAC and signature on the
 * Owner channel. Written on btoa/atob so it runs unchanged in a service worker, an event page and
 * Node (Buffer exists only in Node).
 */

export function toBase64Url(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  for (const byte of view) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Throws a RangeError on anything that is not base64url, so a malformed key never reaches WebCrypto. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new RangeError('not base64url');
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** base64url of a UTF-8 text: how the co-sign window's request travels after `#`. */
export function textToBase64Url(text: string): string {
  return toBase64Url(new TextEncoder().encode(text));
}

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}
