import { describe, expect, it } from 'vitest';
import { formatPairingCode, normalizePairingCode, pairingCodeFromBytes } from './pairing-code.js';
import { authTranscript, formatFingerprint, pairRequestTranscript } from './transcripts.js';

describe('the pairing code', () => {
  it('encodes 15 bytes (120 bits) as six groups of four base32 characters', () => {
    expect(pairingCodeFromBytes(new Uint8Array(15))).toBe('AAAA-AAAA-AAAA-AAAA-AAAA-AAAA');
    expect(pairingCodeFromBytes(new Uint8Array(15).fill(255))).toBe('7777-7777-7777-7777-7777-7777');
    expect(pairingCodeFromBytes(Uint8Array.from([0xf8, ...Array(14).fill(0)]))).toBe('7AAA-AAAA-AAAA-AAAA-AAAA-AAAA');
    expect(() => pairingCodeFromBytes(new Uint8Array(12))).toThrow(RangeError);
  });

  it('reads back what a person typed, ignoring case, spaces and dashes, and refuses anything else', () => {
    expect(normalizePairingCode(' abcd-efgh ijkl-mnop-qrst-uvwx ')).toBe('ABCDEFGHIJKLMNOPQRSTUVWX');
    expect(normalizePairingCode('ABCD-EFGH-IJKL-MNOP-QRST-UVW1')).toBeUndefined();
    expect(normalizePairingCode('ABCD')).toBeUndefined();
    expect(formatPairingCode('ABCDEFGHIJKLMNOPQRSTUVWX')).toBe('ABCD-EFGH-IJKL-MNOP-QRST-UVWX');
  });
});

describe('the transcripts', () => {
  it('are JSON arrays with a purpose label, unambiguous whatever a field holds', () => {
    const a = pairRequestTranscript({ origin: 'chrome-extension://x', algorithm: 'Ed25519', spki: 'k', name: 'a","b', nonce: 'n' });
    expect(a).toBe('["waiaas/owner-pair-request/v1","chrome-extension://x","Ed25519","k","a\\",\\"b","n"]');
    expect(authTranscript({ nonce: 'n', identityKey: 'i', origin: 'o' })).toBe('["waiaas/owner-auth/v1","n","i","o"]');
  });

  it('formats a fingerprint as the first 16 digest bytes in groups of four hex digits', () => {
    expect(formatFingerprint('00112233445566778899aabbccddeeff0011')).toBe('0011:2233:4455:6677:8899:aabb:ccdd:eeff');
  });
});
