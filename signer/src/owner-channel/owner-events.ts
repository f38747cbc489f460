import type { owner } from '@waiaas/protocol';
import type { Logger } from '../log/logger.js';
import type { OwnerEventStore } from './owner-event-store.js';

export interface OwnerEvents {
  /**
   * Records an event for the Owner's devices. Callable from anywhere in the daemon, also inside a
   * database transaction: the row commits or rolls back with it, and devices are only told after
   * the current synchronous work is done, reading what was committed — so a rolled-back change is
   * never announced.
   */
  publish(event: owner.OwnerEventBody): void;
  /** `listener` runs (deferred, at most once per turn) after events were published. */
  subscribe(listener: () => void): () => void;
  readonly store: OwnerEventStore;
}

export function createOwnerEvents(deps: { store: OwnerEventStore; now: () => number; log: Logger }): OwnerEvents {
  const listeners = new Set<() => void>();
  let scheduled = false;
  const notify = () => {
    scheduled = false;
    for (const listener of listeners) {
      try {
        listener();
      } catch (error) {
        deps.log.error('owner event listener failed', { error: String(error) });
      }
    }
  };
  return {
    store: deps.store,
    publish(event) {
      deps.store.append(event, deps.now());
      if (!scheduled) {
        scheduled = true;
        setImmediate(notify);
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
