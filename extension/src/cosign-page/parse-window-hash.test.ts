import type { owner } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { encodeWindowHash, parseWindowHash } from './parse-window-hash';

const TICKET = 'AAAAAAAAAAAAAAAAAAAAAA';
const fields = {
  action: 'approve', summary: 'Send 1.5 SOL to 9xQ… — “quoted”', amount: '1.5 SOL', recipient: '9xQ', network: 'solana-devnet',
  wallet: 'bot', digest: '—', signer: 'signer-1', nonce: '0123456789abcdef', issuedAt: '2026-01-01T00:00:00Z', expiresAt: '2026-01-01T00:05:00Z',
} as const;
const sign: owner.CosignWindowHash = { v: '1', mode: 'sign', ticket: TICKET, request: { format: 'solana-message', fields } };
const connect: owner.CosignWindowHash = { v: '1', mode: 'connect', ticket: TICKET, chain: 'evm' };

/** base64url of arbitrary bytes, as a hand-made address would carry them. */
const hashOfBytes = (bytes: Uint8Array) => `#${btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
const hashOf = (value: unknown) => hashOfBytes(new TextEncoder().encode(JSON.stringify(value)));

describe('the co-sign window hash', () => {
  it('round-trips a sign request, non-ASCII text included, and a connect request', () => {
    expect(parseWindowHash(encodeWindowHash(sign))).toEqual({ ok: true, value: sign });
    expect(parseWindowHash(encodeWindowHash(connect))).toEqual({ ok: true, value: connect });
    expect(parseWindowHash(encodeWindowHash(sign).slice(1))).toEqual({ ok: true, value: sign });
  });

  it('refuses a missing, non-base64url, non-JSON or non-UTF-8 hash with a reason, never a throw', () => {
    expect(parseWindowHash('')).toEqual({ ok: false, reason: 'This window was opened without a request: open it from the WAIaaS companion.' });
    expect(parseWindowHash('#')).toEqual({ ok: false, reason: 'This window was opened without a request: open it from the WAIaaS companion.' });
    expect(parseWindowHash('#a b')).toEqual({ ok: false, reason: 'The request in the address is not base64url.' });
    expect(parseWindowHash('#a')).toEqual({ ok: false, reason: 'The request in the address is not base64url-encoded UTF-8 JSON.' });
    expect(parseWindowHash(hashOfBytes(new Uint8Array([0xff, 0xfe])))).toEqual({ ok: false, reason: 'The request in the address is not base64url-encoded UTF-8 JSON.' });
  });

  it('names the first problem of a hash that does not match the contract', () => {
    expect(parseWindowHash(hashOf({ ...sign, ticket: 'short' }))).toEqual({ ok: false, reason: 'The request in the address is malformed: ticket must be a base64url ticket.' });
    expect(parseWindowHash(hashOf({ ...connect, chain: 'bitcoin' }))).toMatchObject({ ok: false, reason: expect.stringMatching(/^The request in the address is malformed: chain /) });
    expect(parseWindowHash(hashOf({ ...sign, request: { format: 'eip712', fields: { action: 'approve' } } }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^The request in the address is malformed: request\.fields\.summary /),
    });
    // Strict: a field the contract does not know (an old `openerOrigin`, say) is refused, not ignored.
    expect(parseWindowHash(hashOf({ ...sign, openerOrigin: 'https://evil.example' }))).toMatchObject({ ok: false, reason: expect.stringMatching(/^The request in the address is malformed: /) });
    expect(parseWindowHash(hashOf([1, 2]))).toMatchObject({ ok: false, reason: expect.stringMatching(/^The request in the address is malformed: \(root\) /) });
  });
});
