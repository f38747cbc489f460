import { describe, expect, it } from 'vitest';
import { fromBase64Url, textToBase64Url, toBase64Url } from './base64url.js';

describe('base64url', () => {
  it('encodes without padding and with the URL alphabet', () => {
    expect(toBase64Url(new Uint8Array([0xfb, 0xff, 0xfe]))).toBe('-__-');
    expect(toBase64Url(new Uint8Array([1]))).toBe('AQ');
  });

  it('round-trips every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
  });

  it('encodes UTF-8 text, so a request with non-ASCII text survives the URL fragment', () => {
    const encoded = textToBase64Url('Send 1 SOL → ünïcode');
    expect(new TextDecoder().decode(fromBase64Url(encoded))).toBe('Send 1 SOL → ünïcode');
  });

  it('refuses text outside the alphabet', () => {
    expect(() => fromBase64Url('ab+c')).toThrow('not base64url');
  });
});
