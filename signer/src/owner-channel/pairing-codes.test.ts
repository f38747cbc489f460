import { describe, expect, it } from 'vitest';
import { createPairingCodes } from './pairing-codes.js';
import { pairingKey } from './pairing-crypto.js';

const caught = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'none';
};

describe('pairing codes', () => {
  it('are single use, expire, and burn at the fifth wrong attempt', () => {
    let now = 0;
    const codes = createPairingCodes(() => now);
    expect(caught(() => codes.redeem(() => true))).toBe('PAIRING__NO_ACTIVE_CODE');
    const { code } = codes.create(60);
    const key = pairingKey(code.replaceAll('-', ''));
    expect(codes.redeem((k) => (k.equals(key) ? 'paired' : undefined))).toBe('paired');
    expect(caught(() => codes.redeem(() => true))).toBe('PAIRING__CODE_USED');

    codes.create(60);
    const wrong = Array.from({ length: 5 }, () => caught(() => codes.redeem(() => undefined)));
    expect(wrong).toEqual([...Array(4).fill('PAIRING__CODE_MISMATCH'), 'PAIRING__TOO_MANY_ATTEMPTS']);
    expect(caught(() => codes.redeem(() => true))).toBe('PAIRING__CODE_USED');

    codes.create(60);
    now = 60_000;
    expect(caught(() => codes.redeem(() => true))).toBe('PAIRING__CODE_EXPIRED');
  });

  it('never live longer than ten minutes', () => {
    const codes = createPairingCodes(() => 0);
    expect(codes.create(3600).expiresAt).toBe(600_000);
  });
});
