import { describe, expect, it } from 'vitest';
import { formatAmount, NATIVE_UNITS, parseAmount } from './amount.js';
import { isWaiaasError } from './errors/waiaas-error.js';

const SOL = NATIVE_UNITS.solana;
const ETH = NATIVE_UNITS.evm;

describe('parseAmount', () => {
  it.each([
    ['1500000', SOL, 1_500_000n],
    ['1.5 SOL', SOL, 1_500_000_000n],
    ['0.000000001sol', SOL, 1n],
    ['0.01 ETH', ETH, 10_000_000_000_000_000n],
    ['123456789012345678901234567890', ETH, 123456789012345678901234567890n],
  ])('reads %s', (input, unit, expected) => {
    expect(parseAmount(input, unit)).toBe(expected);
  });

  it.each([
    ['-5', 'amounts cannot be negative'],
    ['1.5', 'write a whole number of the smallest unit, or a decimal followed by "SOL"'],
    ['0.0000000001 SOL', 'at most 9 decimal places'],
    ['1e9', 'write a whole number of the smallest unit, or a decimal followed by "SOL"'],
    ['1 ETH', 'write a whole number of the smallest unit, or a decimal followed by "SOL"'],
  ])('refuses %s', (input, reason) => {
    try {
      parseAmount(input, SOL);
      expect.unreachable();
    } catch (error) {
      expect(isWaiaasError(error, 'AMOUNT__INVALID')).toBe(true);
      expect((error as Error).message).toBe(`Amount "${input}" is invalid: ${reason}.`);
    }
  });
});

describe('formatAmount', () => {
  it('prints the fewest digits that are exact', () => {
    expect(formatAmount(1_500_000_000n, SOL)).toBe('1.5 SOL');
    expect(formatAmount(1n, SOL)).toBe('0.000000001 SOL');
    expect(formatAmount(2n * 10n ** 18n, ETH)).toBe('2 ETH');
  });
});

describe('PositiveAmount', () => {
  it('refuses zero, negatives, decimals and non-strings with an issue, never a crash', async () => {
    const { PositiveAmount } = await import('./agent/transaction-schemas.js');
    for (const bad of ['0', '-5', '1.5', '1e3', '', 5, '9'.repeat(79)]) expect(PositiveAmount.safeParse(bad).success).toBe(false);
    expect(PositiveAmount.parse('1')).toBe('1');
  });
});
