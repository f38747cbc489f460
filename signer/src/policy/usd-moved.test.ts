import type { Policy } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { formatUsd } from '../price/usd-value.js';
import { usdMovedFor } from './usd-moved.js';

const TOKEN = '0xAbC0000000000000000000000000000000000001';
const price = (usd: string) => ({ usd, at: 0, source: 'config' });
const tokenLimit = (decimals: number): Policy => ({
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  scope: 'wallet',
  walletId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
  sessionId: null,
  rule: { type: 'SPENDING_LIMIT', asset: TOKEN, instantMax: '1', notifyMax: '1', delayMax: '1', delaySeconds: 900, usdInstantMax: '1', usdNotifyMax: '1', usdDelayMax: '1', decimals },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('usdMovedFor', () => {
  it('values each asset moved at its price and adds them up', () => {
    const moved = new Map([['native', 10n ** 16n], [TOKEN.toLowerCase(), 2_500_000n]]);
    const prices = new Map([['native', price('2000')], [TOKEN.toLowerCase(), price('1.00')]]);
    const usd = usdMovedFor([tokenLimit(6)], 'evm', moved, prices);
    expect([...usd.perAsset].map(([a, v]) => [a, v === undefined ? v : formatUsd(v)])).toEqual([['native', '20.00'], [TOKEN.toLowerCase(), '2.50']]);
    expect(usd.total === undefined ? undefined : formatUsd(usd.total)).toBe('22.50');
    expect(usd.unknown).toEqual([]);
  });

  it('a token without declared decimals, or an asset without a price, makes the total unknown', () => {
    const moved = new Map([['native', 10n ** 9n], ['Mint111', 5n]]);
    const noDecimals = usdMovedFor([], 'solana', moved, new Map([['native', price('100')], ['Mint111', price('1')]]));
    expect(noDecimals).toMatchObject({ total: undefined, unknown: ['Mint111'] });
    expect(noDecimals.perAsset.get('native')).toBe(100n * 10n ** 18n);
    expect(usdMovedFor([], 'solana', moved, undefined)).toMatchObject({ total: undefined, unknown: ['native', 'Mint111'] });
  });

  it('nothing moved is worth $0, known', () => {
    expect(usdMovedFor([], 'evm', new Map(), undefined)).toMatchObject({ total: 0n, unknown: [] });
  });
});
