import { describe, expect, it } from 'vitest';
import { MAX_RETRY_DELAY_MS, retryDelayMs } from './retry-delay.js';

describe('retryDelayMs', () => {
  it('doubles from the base after each failed attempt', () => {
    expect([1, 2, 3, 4, 5].map((attempts) => retryDelayMs(1000, attempts))).toEqual([1000, 2000, 4000, 8000, 16_000]);
  });

  it('never waits more than an hour, even after many attempts', () => {
    expect(retryDelayMs(5000, 20)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(5000, 1000)).toBe(MAX_RETRY_DELAY_MS);
  });
});
