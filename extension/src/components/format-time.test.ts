import { describe, expect, it } from 'vitest';
import { formatDateTime, formatRemaining } from './format-time';

describe('formatRemaining', () => {
  it.each([
    [0, '0:00'],
    [-5000, '0:00'],
    [1, '0:01'],
    [65_000, '1:05'],
    [59 * 60_000 + 59_000, '59:59'],
    [2 * 3_600_000 + 5 * 60_000, '2 h 05 min'],
    [3 * 86_400_000 + 4 * 3_600_000, '3 d 4 h'],
  ])('%i ms reads %s', (ms, text) => {
    expect(formatRemaining(ms)).toBe(text);
  });
});

describe('formatDateTime', () => {
  it('keeps text that is not a timestamp as it is', () => {
    expect(formatDateTime('soon')).toBe('soon');
  });

  it('names the year of a real timestamp', () => {
    expect(formatDateTime('2026-11-21T10:00:00.000Z')).toContain('2026');
  });
});
