import { effect } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { createClockModel, type Timer } from './clock-model';

function createFakeTimer() {
  let now = 1_000_000;
  const ticks = new Map<number, () => void>();
  let next = 0;
  const timer: Timer = {
    now: () => now,
    setInterval: (tick) => (ticks.set(++next, tick), next),
    clearInterval: (handle) => void ticks.delete(handle as number),
  };
  return {
    timer,
    running: () => ticks.size,
    advance(ms: number) {
      now += ms;
      ticks.forEach((tick) => tick());
    },
  };
}

describe('createClockModel', () => {
  it('runs no interval while nothing counts down', () => {
    const fake = createFakeTimer();
    const clock = createClockModel(fake.timer);
    expect(clock.now.value).toBe(1_000_000);
    expect(fake.running()).toBe(0);
  });

  it('ticks each second while watched, starting from the time it is first watched', () => {
    const fake = createFakeTimer();
    const clock = createClockModel(fake.timer);
    fake.advance(5000);
    const seen: number[] = [];
    const stop = effect(() => void seen.push(clock.now.value));
    expect(fake.running()).toBe(1);
    fake.advance(1000);
    expect(seen).toEqual([1_005_000, 1_006_000]);
    stop();
    expect(fake.running()).toBe(0);
  });

  it('stops its interval when disposed', () => {
    const fake = createFakeTimer();
    const clock = createClockModel(fake.timer);
    effect(() => void clock.now.value);
    clock[Symbol.dispose]();
    expect(fake.running()).toBe(0);
  });
});
