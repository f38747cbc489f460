import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

describe('backoffDelay', () => {
  it('starts at one second and doubles', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, middle))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('never waits more than 30 s, however many attempts failed', () => {
    expect(backoffDelay(6, () => 0.5)).toBe(30_000);
    expect(backoffDelay(50, () => 0.999)).toBe(30_000);
  });

  it('spreads retries by ±20 % so companions do not reconnect in step', () => {
    expect(backoffDelay(1, () => 0)).toBe(800);
    expect(backoffDelay(1, () => 0.999)).toBe(1_200);
    expect(backoffDelay(4, () => 0)).toBe(6_400);
  });
});
