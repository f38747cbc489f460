import { describe, expect, it } from 'vitest';
import { parseTime } from './audit.js';

const NOW = Date.parse('2026-05-01T12:00:00.000Z');

describe('parseTime (audit list --since / --until)', () => {
  it('takes a duration as that long ago', () => {
    expect(parseTime('--since', '30m', NOW)).toBe('2026-05-01T11:30:00.000Z');
    expect(parseTime('--since', '7d', NOW)).toBe('2026-04-24T12:00:00.000Z');
  });

  it('takes ISO 8601 dates and times, with or without a zone', () => {
    expect(parseTime('--until', '2026-04-30T08:15:00Z', NOW)).toBe('2026-04-30T08:15:00.000Z');
    expect(parseTime('--until', '2026-04-30T10:15:00+02:00', NOW)).toBe('2026-04-30T08:15:00.000Z');
    expect(parseTime('--until', '2026-04-30', NOW)).toBe('2026-04-30T00:00:00.000Z');
  });

  it('refuses anything else with AUDIT__INVALID_TIME', () => {
    for (const input of ['yesterday', '1 week', '2026-13-45', '99999999999d', '']) {
      expect(() => parseTime('--since', input, NOW), input).toThrow(
        `--since "${input}" is neither an ISO 8601 time nor a duration such as 30m, 1h or 7d.`,
      );
    }
  });
});
