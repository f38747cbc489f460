import { describe, expect, it } from 'vitest';
import { parseUsd } from './usd-value.js';
import { usdFromJsonNumber } from './usd-from-json-number.js';

describe('a JSON number as a USD decimal string', () => {
  it('keeps every digit the provider sent, more than a double holds', () => {
    expect(usdFromJsonNumber('152.350000000000000001')).toBe('152.350000000000000001');
    expect(usdFromJsonNumber('98765432109876543210.5')).toBe('98765432109876543210.5');
    expect(usdFromJsonNumber('3000')).toBe('3000');
    expect(usdFromJsonNumber('1.000')).toBe('1');
  });

  it('writes exponents out in full', () => {
    expect(usdFromJsonNumber('1.2e-7')).toBe('0.00000012');
    expect(usdFromJsonNumber('2.5E+3')).toBe('2500');
    expect(usdFromJsonNumber('15e1')).toBe('150');
  });

  it('rounds digits past 10^-18 up, so a price never looks smaller than it is', () => {
    expect(usdFromJsonNumber('0.0000000000000000011')).toBe('0.000000000000000002');
    expect(usdFromJsonNumber('0.0000000000000000010')).toBe('0.000000000000000001');
    expect(usdFromJsonNumber('4e-30')).toBe('0.000000000000000001');
    expect(parseUsd(usdFromJsonNumber('1.23456789012345678901e-3') ?? '')).toBe(1_234_567_890_123_457n);
  });

  it('refuses zero, negative, absurd and non-numeric prices', () => {
    for (const bad of ['0', '0.0', '0e5', '-1', '1e31', 'NaN', '', '1,5', '0x10']) expect(usdFromJsonNumber(bad), bad).toBeUndefined();
  });
});
