import { computed, createModel, effect, signal } from '@preact/signals';

/** The timer functions the clock uses, injected so a test can drive time. */
export interface Timer {
  now(): number;
  setInterval(tick: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const systemTimer = (): Timer => ({
  now: () => Date.now(),
  setInterval: (tick, ms) => globalThis.setInterval(tick, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof globalThis.setInterval>),
});

const ClockModel = createModel((timer: Timer = systemTimer()) => {
  let handle: unknown;
  const stop = (): void => {
    if (handle !== undefined) timer.clearInterval(handle);
    handle = undefined;
  };
  // The interval runs only while something reads the time (a countdown on screen): an idle popup
  // or an options page without countdowns does no work each second.
  const current = signal(timer.now(), {
    watched() {
      this.value = timer.now();
      handle = timer.setInterval(() => (current.value = timer.now()), 1000);
    },
    unwatched: stop,
  });
  effect(() => stop);
  return { now: computed(() => current.value) };
});

export type ClockModel = InstanceType<typeof ClockModel>;

/** The current time (ms since the epoch) as a signal that ticks each second while it is watched. */
export function createClockModel(timer?: Timer): ClockModel {
  return new ClockModel(timer);
}
