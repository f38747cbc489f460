import type { owner } from '@waiaas/protocol';
import type { CompanionState } from '../port/messages.js';
import { activeSessions, applyEvent, applySnapshot, pendingApprovals } from './apply-owner-frame.js';
import { type CachedCompanion, cacheOf, parseCachedCompanion } from './companion-cache.js';
import type { CompanionStore } from './companion-store.js';
import type { OwnerConnection, SyncFrame } from './owner-connection.js';
import type { StorageItem } from './storage-item.js';

type NotifyNotice = Extract<owner.OwnerEventBody, { kind: 'transaction.notify' }>;

export interface CompanionSyncDeps {
  store: CompanionStore;
  command: OwnerConnection['command'];
  cache: StorageItem<unknown>;
  /** A NOTIFY notice arrived (live or replayed): the notifier decides whether to show it. */
  onNotice(notice: NotifyNotice, state: CompanionState): void;
  /** budget.changed comes in bursts (reserve, then commit or release): re-list once per burst. */
  budgetDebounceMs?: number;
  /** Replays come in bursts too: one storage write per burst. */
  persistDelayMs?: number;
}

export interface CompanionSync {
  /** Shows the cached state at once and remembers its seq; false when there was none. */
  restore(): Promise<boolean>;
  lastSeq(): number | null;
  handle(frame: SyncFrame): void;
  /** Re-lists approvals and sessions from the signer (after `synced`, budget moves, session events). */
  refresh(what: { approvals?: boolean; sessions?: boolean }): Promise<void>;
  /** Forgets the cached state and seq (after unpairing). */
  clear(): Promise<void>;
}

/** Turns the signer's snapshot and events into the CompanionState, and keeps a copy in storage. */
export function createCompanionSync(deps: CompanionSyncDeps): CompanionSync {
  const { store } = deps;
  let lastSeq: number | null = null;
  let budgetTimer: ReturnType<typeof setTimeout> | undefined;
  let persistTimer: ReturnType<typeof setTimeout> | undefined;

  const persist = () => {
    clearTimeout(persistTimer);
    persistTimer = setTimeout(() => void deps.cache.setValue(cacheOf(store.get(), lastSeq)), deps.persistDelayMs ?? 100);
  };

  const refresh: CompanionSync['refresh'] = async (what) => {
    // A failed re-list leaves the state as it was; the next `synced` re-lists again.
    const [approvals, sessions] = await Promise.all([
      what.approvals ? deps.command('approval.list', {}).catch(() => null) : null,
      what.sessions ? deps.command('session.list', {}).catch(() => null) : null,
    ]);
    store.update((state) => ({
      ...state,
      ...(approvals && { approvals: pendingApprovals(approvals.approvals) }),
      ...(sessions && { sessions: activeSessions(sessions.sessions) }),
    }));
    if (approvals || sessions) persist();
  };

  const onBudgetChanged = () => {
    clearTimeout(budgetTimer);
    budgetTimer = setTimeout(() => void refresh({ approvals: true, sessions: true }), deps.budgetDebounceMs ?? 300);
  };

  return {
    async restore() {
      const cached: CachedCompanion | null = parseCachedCompanion(await deps.cache.getValue());
      if (!cached) return false;
      lastSeq = cached.lastSeq;
      const { approvals, sessions, delayed, killSwitch, activity } = cached;
      store.update((state) => ({ ...state, approvals, sessions, delayed, killSwitch, activity }));
      return true;
    },
    lastSeq: () => lastSeq,
    handle(frame) {
      switch (frame.type) {
        case 'snapshot':
          lastSeq = frame.seq;
          store.update((state) => applySnapshot(state, frame.snapshot));
          break;
        case 'event': {
          lastSeq = frame.seq;
          const before = store.get();
          const { state, follow } = applyEvent(before, frame);
          store.update(() => state);
          if (frame.event.kind === 'transaction.notify') deps.onNotice(frame.event, before);
          if (follow === 'sessions') void refresh({ sessions: true });
          if (follow === 'budget') onBudgetChanged();
          break;
        }
        case 'synced':
          lastSeq = frame.seq;
          void refresh({ approvals: true, sessions: true });
          break;
      }
      persist();
    },
    refresh,
    async clear() {
      clearTimeout(budgetTimer);
      clearTimeout(persistTimer);
      lastSeq = null;
      await deps.cache.setValue(null);
    },
  };
}
