import type { AuditLog } from '../audit/audit-log.js';
import type { Logger } from '../log/logger.js';
import type { OwnerEvents } from '../owner-channel/owner-events.js';
import { forOutside, isNotifiable } from './notifiable-event.js';
import type { NotificationStore, PendingNotification } from './notification-store.js';
import type { NotifyChannels } from './notify-channels.js';
import { retryDelayMs } from './retry-delay.js';

export interface NotifierDeps {
  events: OwnerEvents;
  store: NotificationStore;
  channels: NotifyChannels;
  /** True while at least one paired device is authenticated on the Owner channel. */
  deviceConnected: () => boolean;
  audit: AuditLog;
  log: Logger;
  now: () => number;
  maxAttempts: number;
  retryBaseMs: number;
  pollMs?: number;
}

export interface Notifier {
  /** Starts sending owed deliveries, those left by a previous run included. */
  start(): void;
  /** Stops; requests in flight are abandoned and stay owed for the next start. */
  stop(): Promise<void>;
}

/** Events read from the store per pass. */
const BATCH = 200;
/** Requests in flight at once: a dead receiver ties up at most this many, never the daemon. */
const MAX_IN_FLIGHT = 4;

/**
 * The fallback for an Owner whose extension is closed: each notifiable Owner event published while
 * no paired device is connected is owed to every configured channel (a row in `notifications`), then
 * sent by a background loop with exponential backoff. Sending is asynchronous and off the request
 * path, so a slow or dead receiver never holds up the agent API or the pipeline.
 */
export function createNotifier(deps: NotifierDeps): Notifier {
  const inFlight = new Map<number, Promise<void>>();
  const stopping = new AbortController();
  let cursor = deps.events.store.latestSeq();
  let timer: NodeJS.Timeout | undefined;
  let started = false;

  // Runs after the publishing transaction committed; "connected" is judged now, one tick after the publish.
  const onEvents = () => {
    const connected = deps.deviceConnected();
    let owed = false;
    for (let batch = deps.events.store.after(cursor, BATCH); batch.length > 0; batch = deps.events.store.after(cursor, BATCH)) {
      for (const stored of batch) {
        cursor = stored.seq;
        if (connected || !isNotifiable(stored.event)) continue;
        for (const channel of deps.channels.keys()) deps.store.enqueue(channel, { ...stored, event: forOutside(stored.event) }, deps.now());
        owed = true;
      }
    }
    if (owed && started) setImmediate(poll);
  };
  const unsubscribe = deps.channels.size > 0 ? deps.events.subscribe(onEvents) : () => undefined;

  function poll() {
    if (!started || stopping.signal.aborted) return;
    const free = MAX_IN_FLIGHT - inFlight.size;
    if (free <= 0) return;
    const due = deps.store.due(deps.now(), MAX_IN_FLIGHT + inFlight.size).filter((n) => !inFlight.has(n.id));
    for (const notification of due.slice(0, free)) {
      const task = attempt(notification)
        .catch((error: unknown) => deps.log.error('notification delivery crashed', { channel: notification.channel, seq: notification.eventSeq, error: String(error) }))
        .finally(() => inFlight.delete(notification.id));
      inFlight.set(notification.id, task);
    }
  }

  async function attempt(notification: PendingNotification): Promise<void> {
    const { channel, eventSeq: seq } = notification;
    const send = deps.channels.get(channel);
    const result = send ? await send(notification, stopping.signal) : { ok: false as const, problem: 'the channel is no longer configured' };
    if (!result.ok && result.stopped) return;
    const attempts = notification.attempts + 1;
    if (result.ok) {
      deps.store.remove(notification.id);
      deps.audit.record({ actor: 'system', action: 'notify.delivered', details: { channel, seq, kind: notification.event.kind, attempts } });
      return;
    }
    if (!send || attempts >= deps.maxAttempts) {
      deps.store.remove(notification.id);
      deps.audit.record({ actor: 'system', action: 'notify.failed', details: { channel, seq, kind: notification.event.kind, attempts, problem: result.problem } });
      deps.log.warn('notification not delivered; giving up', { channel, seq, attempts, problem: result.problem });
      return;
    }
    const retryInMs = retryDelayMs(deps.retryBaseMs, attempts);
    deps.store.retryAt(notification.id, attempts, deps.now() + retryInMs, result.problem);
    deps.log.warn('notification not delivered; will retry', { channel, seq, attempts, retryInMs, problem: result.problem });
  }

  return {
    start() {
      if (started) return;
      started = true;
      timer = setInterval(poll, deps.pollMs ?? 500);
      timer.unref();
      poll();
    },
    async stop() {
      unsubscribe();
      if (timer) clearInterval(timer);
      stopping.abort();
      await Promise.all(inFlight.values());
    },
  };
}
