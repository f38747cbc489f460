import { describe, expect, it } from 'vitest';
import { formatUsd, parseUsd, usdValue } from './usd-value.js';

describe('USD arithmetic on scaled integers', () => {
  it('parses decimal strings exactly and refuses anything else', () => {
    expect(parseUsd('152.35')).toBe(152_350_000_000_000_000_000n);
    expect(parseUsd('0.000000000000000001')).toBe(1n);
    for (const bad of ['1e3', '-1', '1.', '', '$5', '0.0000000000000000001']) expect(parseUsd(bad)).toBeUndefined();
  });

  it('values an amount in smallest units, rounding up, and formats it', () => {
    const oneSolAt = usdValue(1_000_000_000n, 9, parseUsd('150.25') ?? 0n);
    expect(formatUsd(oneSolAt)).toBe('150.25');
    expect(formatUsd(usdValue(1n, 18, parseUsd('3000') ?? 0n))).toBe('0.000000000000003');
    expect(formatUsd(usdValue(1n, 20, parseUsd('1') ?? 0n))).toBe('0.000000000000000001');
    expect(formatUsd(0n)).toBe('0.00');
  });
});
