import { describe, expect, it } from 'vitest';
import { formatUnits, parseUnits } from './format-units';

describe('formatUnits', () => {
  it.each([
    [1_500_000_000n, 9, '1.5'],
    [1n, 9, '0.000000001'],
    [0n, 18, '0'],
    [10n ** 18n, 18, '1'],
    [123_456_789_012_345_678_901n, 18, '123.456789012345678901'],
    [-5000n, 9, '-0.000005'],
    [42n, 0, '42'],
  ])('formats %s with %i decimals as %s', (value, decimals, text) => {
    expect(formatUnits(value, decimals)).toBe(text);
  });
});

describe('parseUnits', () => {
  it.each([
    ['1.5', 9, 1_500_000_000n],
    ['0.000000001', 9, 1n],
    [' 2 ', 18, 2n * 10n ** 18n],
    ['7', 0, 7n],
  ])('reads %s with %i decimals as %s', (text, decimals, value) => {
    expect(parseUnits(text, decimals)).toBe(value);
  });

  it.each([['1.0000000001', 9], ['-1', 9], ['1e9', 9], ['', 9], ['1.', 9], ['abc', 9]])('refuses %s', (text, decimals) => {
    expect(parseUnits(text, decimals)).toBeNull();
  });

  it('gives back what formatUnits printed', () => {
    const value = 987_654_321_123n;
    expect(parseUnits(formatUnits(value, 9), 9)).toBe(value);
  });
});
