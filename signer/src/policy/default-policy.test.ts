import { SpendingLimitRule } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { canPriceNative, defaultSpendingLimit } from './default-policy.js';

describe('the default spending limit', () => {
  it('has USD thresholds of $10 / $100 / $1000 only when asked, beside the native ones', () => {
    expect(defaultSpendingLimit('solana', { usd: true })).toEqual({
      type: 'SPENDING_LIMIT',
      asset: 'native',
      instantMax: '100000000',
      notifyMax: '1000000000',
      delayMax: '10000000000',
      delaySeconds: 900,
      usdInstantMax: '10.00',
      usdNotifyMax: '100.00',
      usdDelayMax: '1000.00',
    });
    expect(defaultSpendingLimit('evm', { usd: false })).not.toHaveProperty('usdInstantMax');
    for (const usd of [true, false]) expect(SpendingLimitRule.safeParse(defaultSpendingLimit('evm', { usd })).success).toBe(true);
  });

  it('gets them only where a price source can know the native price', () => {
    expect(canPriceNative({ provider: 'coingecko', fixed: {} }, 'evm')).toBe(true);
    expect(canPriceNative({ provider: 'fixed', fixed: {} }, 'evm')).toBe(false);
    expect(canPriceNative({ provider: 'fixed', fixed: { 'solana:native': { usd: '150' } } }, 'solana')).toBe(true);
    expect(canPriceNative({ provider: 'fixed', fixed: { 'solana:native': { usd: '150' } } }, 'evm')).toBe(false);
    expect(canPriceNative({ provider: 'fixed', fixed: { 'evm:0xabc': { usd: '1' } } }, 'evm')).toBe(false);
  });
});
