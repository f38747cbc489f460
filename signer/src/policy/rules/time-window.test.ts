import { isWaiaasError, type PolicyRule, TimeWindowRule, type Weekday } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import type { PolicyContext, ScopedRule } from '../policy-context.js';
import { localWeekdayHour, timeWindow } from './time-window.js';

const ctx = (iso: string): PolicyContext => ({
  call: { type: 'TRANSFER', to: 'Recipient111', amount: '1' },
  chain: 'solana',
  exposure: new Map(),
  norm: (a) => a,
  now: Date.parse(iso),
  history: { walletSpentSince: () => 0n, walletRequestsSince: () => 0, sessionSpentSince: () => 0n, sessionRequestsSince: () => 0, usdSpentSince: () => 0n },
});
type Window = Extract<PolicyRule, { type: 'TIME_WINDOW' }>;
const window = (days: Weekday[], startHour: number, endHour: number, timeZone: string, scope: 'global' | 'wallet' = 'wallet'): ScopedRule<'TIME_WINDOW'> => ({
  scope,
  rule: { type: 'TIME_WINDOW', days, startHour, endHour, timeZone } satisfies Window,
});
const allows = (rules: ScopedRule<'TIME_WINDOW'>[], iso: string) => {
  try {
    return timeWindow(rules, ctx(iso)) === null;
  } catch (error) {
    if (isWaiaasError(error, 'POLICY__OUTSIDE_TIME_WINDOW')) return false;
    throw error;
  }
};

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

describe('timeWindow', () => {
  // 2026-01-01 is a Thursday; 2026-01-03 a Saturday.
  it.each([
    ['08:59:59 UTC, before the start hour', '2026-01-01T08:59:59Z', false],
    ['09:00 UTC, the start hour', '2026-01-01T09:00:00Z', true],
    ['16:59:59 UTC, the last allowed second', '2026-01-01T16:59:59Z', true],
    ['17:00 UTC, the end hour (exclusive)', '2026-01-01T17:00:00Z', false],
    ['a Saturday inside the hours', '2026-01-03T12:00:00Z', false],
  ])('mon–fri 9–17 UTC at %s', (_, iso, allowed) => {
    expect(allows([window(WEEKDAYS, 9, 17, 'UTC')], iso)).toBe(allowed);
  });

  it('an endHour of 24 runs to midnight; startHour 0 from midnight', () => {
    expect(allows([window(['thu'], 0, 24, 'UTC')], '2026-01-01T23:59:59Z')).toBe(true);
    expect(allows([window(['thu'], 0, 24, 'UTC')], '2026-01-01T00:00:00Z')).toBe(true);
    expect(allows([window(['thu'], 0, 24, 'UTC')], '2026-01-02T00:00:00Z')).toBe(false);
  });

  it('judges the weekday in the rule’s zone, not in UTC', () => {
    // Thursday 20:00 UTC is Friday 05:00 in Tokyo.
    expect(allows([window(['thu'], 0, 24, 'Asia/Tokyo')], '2026-01-01T20:00:00Z')).toBe(false);
    expect(allows([window(['fri'], 5, 6, 'Asia/Tokyo')], '2026-01-01T20:00:00Z')).toBe(true);
  });

  it('follows Europe/Berlin across the DST change, so 09:00 stays 09:00 local', () => {
    const berlin = [window(WEEKDAYS, 9, 17, 'Europe/Berlin')];
    // Friday 27 March 2026 is CET (UTC+1); Monday 30 March is CEST (UTC+2).
    expect(allows(berlin, '2026-03-27T07:30:00Z')).toBe(false);
    expect(allows(berlin, '2026-03-27T08:30:00Z')).toBe(true);
    expect(allows(berlin, '2026-03-30T07:30:00Z')).toBe(true);
    expect(allows(berlin, '2026-03-30T15:30:00Z')).toBe(false);
    // On the day itself (Sunday 29 March) local time jumps from 02:00 to 03:00 at 01:00 UTC.
    expect(localWeekdayHour(Date.parse('2026-03-29T00:30:00Z'), 'Europe/Berlin')).toEqual({ weekday: 'sun', hour: 1 });
    expect(localWeekdayHour(Date.parse('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toEqual({ weekday: 'sun', hour: 3 });
    expect(allows([window(['sun'], 2, 3, 'Europe/Berlin')], '2026-03-29T00:59:59Z')).toBe(false);
    expect(allows([window(['sun'], 2, 3, 'Europe/Berlin')], '2026-03-29T01:00:00Z')).toBe(false);
    expect(allows([window(['sun'], 3, 4, 'Europe/Berlin')], '2026-03-29T01:00:00Z')).toBe(true);
  });

  it('every window that applies must allow the moment, and the refusal says which hours are allowed', () => {
    const rules = [window(WEEKDAYS, 0, 24, 'UTC', 'global'), window(['thu'], 9, 12, 'Europe/Berlin')];
    expect(allows(rules, '2026-01-01T09:00:00Z')).toBe(true);
    expect(() => timeWindow(rules, ctx('2026-01-01T12:00:00Z'))).toThrow(
      'This wallet may be used only thu 09:00–12:00 (Europe/Berlin); the Owner can change it with "waiaas policy set time-window".',
    );
  });

  it('has no opinion without a rule', () => {
    expect(timeWindow([], ctx('2026-01-03T03:00:00Z'))).toBeNull();
  });

  it.each([
    [{ days: ['mon'], startHour: 9, endHour: 17, timeZone: 'Europe/Berlin' }, true],
    [{ days: ['mon'], startHour: 9, endHour: 17, timeZone: 'Mars/Olympus_Mons' }, false],
    [{ days: ['mon'], startHour: 17, endHour: 9, timeZone: 'UTC' }, false],
    [{ days: ['mon'], startHour: 9, endHour: 9, timeZone: 'UTC' }, false],
    [{ days: [], startHour: 9, endHour: 17, timeZone: 'UTC' }, false],
    [{ days: ['monday'], startHour: 9, endHour: 17, timeZone: 'UTC' }, false],
    [{ days: ['mon'], startHour: 0, endHour: 25, timeZone: 'UTC' }, false],
    [{ days: ['mon'], startHour: 9.5, endHour: 17, timeZone: 'UTC' }, false],
  ])('the schema: %j → %s', (rule, valid) => {
    expect(TimeWindowRule.safeParse({ type: 'TIME_WINDOW', ...rule }).success).toBe(valid);
  });
});
