import { type PolicyRule, WaiaasError, type Weekday } from '@waiaas/protocol';
import type { RuleEvaluator } from '../policy-context.js';

type TimeWindow = Extract<PolicyRule, { type: 'TIME_WINDOW' }>;

/**
 * Every TIME_WINDOW that applies must contain the moment of the request, taken as weekday and hour
 * in the rule's own time zone (so a DST change moves the window with the Owner's clock). Without a
 * rule there is no opinion.
 */
export const timeWindow: RuleEvaluator<'TIME_WINDOW'> = (rules, ctx) => {
  for (const { rule } of rules) {
    if (!isWithin(rule, ctx.now)) throw new WaiaasError('POLICY__OUTSIDE_TIME_WINDOW', { timeZone: rule.timeZone, allowed: describeTimeWindow(rule) });
  }
  return null;
};

export function isWithin(rule: TimeWindow, now: number): boolean {
  const { weekday, hour } = localWeekdayHour(now, rule.timeZone);
  return rule.days.includes(weekday) && hour >= rule.startHour && hour < rule.endHour;
}

/** Weekday and hour (0–23) at `now` in an IANA time zone. */
export function localWeekdayHour(now: number, timeZone: string): { weekday: Weekday; hour: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', hourCycle: 'h23' }).formatToParts(new Date(now));
  const weekday = parts.find((p) => p.type === 'weekday')?.value.toLowerCase() as Weekday;
  // Some engines print midnight as 24 even with h23; the modulo keeps it 0.
  const hour = Number(parts.find((p) => p.type === 'hour')?.value) % 24;
  return { weekday, hour };
}

/** "mon,tue,wed 09:00–17:00": the days and hours a window allows, for messages and listings. */
export function describeTimeWindow(rule: Pick<TimeWindow, 'days' | 'startHour' | 'endHour'>): string {
  const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
  return `${rule.days.join(',')} ${hh(rule.startHour)}–${hh(rule.endHour)}`;
}
