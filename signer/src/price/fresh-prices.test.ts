import { describe, expect, it } from 'vitest';
import { createFixedPriceSource } from './fixed-price-source.js';
import { freshPrices, isFresh } from './fresh-prices.js';

const START = Date.parse('2026-11-21T00:00:00Z');
const MAX_AGE = 5 * 60_000;

describe('fixed prices', () => {
  const source = createFixedPriceSource(
    {
      'solana:native': { usd: '150.25', at: START - 60_000 },
      'evm:native': { usd: '3000' },
      'evm:0xAbC0000000000000000000000000000000000001': { usd: '1.00', at: START },
    },
    START,
  );

  it('an entry without `at` counts as observed when the daemon started', () => {
    expect(source.price('evm', 'native')).toEqual({ usd: '3000', at: START, source: 'config' });
    expect(source.price('solana', 'native')).toEqual({ usd: '150.25', at: START - 60_000, source: 'config' });
  });

  it('finds EVM tokens without case, and nothing for an asset it does not list', async () => {
    expect((await source.price('evm', '0xabc0000000000000000000000000000000000001'))?.usd).toBe('1.00');
    expect(source.price('solana', 'So11111111111111111111111111111111111111112')).toBeUndefined();
  });

  it('a fresh price is known; a stale, missing or future one is unknown; exactly max_age is still fresh', async () => {
    const at = (now: number) => freshPrices(source, MAX_AGE, 'solana', ['native', 'Mint111'], now);
    expect((await at(START)).get('native')?.usd).toBe('150.25');
    expect((await at(START - 60_000 + MAX_AGE)).get('native')?.usd).toBe('150.25');
    expect((await at(START - 60_000 + MAX_AGE + 1)).get('native')).toBeUndefined();
    expect((await at(START)).get('Mint111')).toBeUndefined();
    expect([...(await at(START)).keys()]).toEqual(['native', 'Mint111']);
    expect(isFresh({ usd: '1', at: START + 1, source: 'config' }, START, MAX_AGE)).toBe(false);
  });

  it('a source that fails, or no source at all, leaves every price unknown', async () => {
    const failing = { price: async () => Promise.reject(new Error('down')) };
    expect((await freshPrices(failing, MAX_AGE, 'evm', ['native'], START)).get('native')).toBeUndefined();
    expect((await freshPrices(undefined, MAX_AGE, 'evm', ['native'], START)).get('native')).toBeUndefined();
  });
});
