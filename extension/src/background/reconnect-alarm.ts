/** The slice of `browser.alarms` the companion uses. */
export interface AlarmsApi {
  create(name: string, info: { periodInMinutes: number }): unknown;
  onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
}

export const RECONNECT_ALARM = 'waiaas.reconnect';
/** Chrome's shortest period (Chrome 120+); Firefox may round it up to a minute. */
export const RECONNECT_PERIOD_MINUTES = 0.5;

/**
 * A stopped service worker (Chrome) or event page (Firefox) keeps no timers, so a backoff retry
 * can be lost with it. The alarm survives and wakes the background, which then reconnects.
 * Registered synchronously in main(), so the wake-up event is delivered to this listener.
 */
export function wakeOnAlarm(alarms: AlarmsApi, wake: () => void): void {
  alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RECONNECT_ALARM) wake();
  });
  void alarms.create(RECONNECT_ALARM, { periodInMinutes: RECONNECT_PERIOD_MINUTES });
}
