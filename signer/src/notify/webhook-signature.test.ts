import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { webhookSignature } from './webhook-signature.js';

describe('webhookSignature', () => {
  it('is sha256=<hex HMAC> over "<timestamp>.<body>", pinned against a vector computed with openssl', () => {
    // printf '%s' '1700000000.{"seq":1}' | openssl dgst -sha256 -hmac 'test-secret-0123456789'
    expect(webhookSignature('test-secret-0123456789', 1_700_000_000, '{"seq":1}')).toBe(
      'sha256=b47f2b03b8c6ad7cccb0ca4642157eb0243d6e8e2e4451b36b285b737b6b95a0',
    );
  });

  it('changes with the timestamp, so a replayed body under a new timestamp does not verify', () => {
    const body = '{"seq":1}';
    expect(webhookSignature('test-secret-0123456789', 1_700_000_001, body)).not.toBe(webhookSignature('test-secret-0123456789', 1_700_000_000, body));
  });

  it('covers the body byte for byte, non-ASCII included', () => {
    const body = '{"reason":"café"}';
    const expected = createHmac('sha256', 'k'.repeat(16)).update(Buffer.from(`5.${body}`, 'utf8')).digest('hex');
    expect(webhookSignature('k'.repeat(16), 5, body)).toBe(`sha256=${expected}`);
  });
});
