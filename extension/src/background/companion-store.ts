import type { CompanionState, NotificationPrefs } from '../port/messages.js';

/** A plain observable value: the background's one copy of what the pages show. */
export interface Store<T> {
  get(): T;
  update(change: (state: T) => T): void;
  /** Called after every change that produced a new value. Returns the unsubscribe function. */
  subscribe(listener: (state: T) => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<(state: T) => void>();
  return {
    get: () => state,
    update(change) {
      const next = change(state);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const DEFAULT_PREFS: NotificationPrefs = { approvals: true, notices: true };

export function initialCompanionState(prefs: NotificationPrefs = DEFAULT_PREFS): CompanionState {
  return {
    connection: 'connecting',
    lastError: null,
    retryAt: null,
    pairing: null,
    approvals: [],
    sessions: [],
    delayed: [],
    killSwitch: null,
    activity: [],
    prefs,
  };
}

export type CompanionStore = Store<CompanionState>;
