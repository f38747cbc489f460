import { describe, expect, it } from 'vitest';
import { type CosignHash, encodeCosignHash, parseCosignHash } from './cosign-hash.js';

const value: CosignHash = {
  openerOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
  request: {
    format: 'solana-message',
    fields: {
      action: 'approve', summary: 'Send 1.5 SOL to 9xQ… — “quoted”', amount: '1.5 SOL', recipient: '9xQ', network: 'solana-devnet',
      wallet: 'bot', digest: '—', signer: 'signer-1', nonce: '0123456789abcdef', issuedAt: '2026-01-01T00:00:00Z', expiresAt: '2026-01-01T00:05:00Z',
    },
  },
};

describe('the co-sign page hash', () => {
  it('round-trips a request, non-ASCII text included', () => {
    expect(parseCosignHash(encodeCosignHash(value))).toEqual({ ok: true, value });
  });

  it('refuses a missing, non-base64url, non-JSON or malformed hash with a reason, never a throw', () => {
    expect(parseCosignHash('')).toEqual({ ok: false, reason: 'This page was opened without a request: open it from the WAIaaS extension.' });
    expect(parseCosignHash('#a b')).toEqual({ ok: false, reason: 'The request in the address is not base64url.' });
    expect(parseCosignHash('#a')).toEqual({ ok: false, reason: 'The request in the address is not base64url-encoded UTF-8 JSON.' });
    expect(parseCosignHash(`#${Buffer.from([0xff, 0xfe]).toString('base64url')}`)).toEqual({ ok: false, reason: 'The request in the address is not base64url-encoded UTF-8 JSON.' });
    const withPath = `#${Buffer.from(JSON.stringify({ ...value, openerOrigin: 'https://evil.example/path' })).toString('base64url')}`;
    expect(parseCosignHash(withPath)).toEqual({ ok: false, reason: 'The request in the address is malformed: openerOrigin must be an extension or http(s) origin, without a path.' });
  });
});
