import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { approvalFixture, eventFrame, id, KILL_SWITCH_ACTIVE, sessionFixture, WALLET } from './companion-fixtures.test-support.js';
import { createStore, initialCompanionState } from './companion-store.js';
import { createCompanionSync } from './companion-sync.js';
import type { OwnerConnection } from './owner-connection.js';
import { createMemoryStorageItem } from './storage-item.js';

function setup(cached: unknown = null) {
  const store = createStore(initialCompanionState());
  const cache = createMemoryStorageItem<unknown>(cached);
  const calls: string[] = [];
  const listed = { approvals: [approvalFixture(1)], sessions: [sessionFixture(10)] };
  const command = ((type: string) => {
    calls.push(type);
    return Promise.resolve(type === 'approval.list' ? { approvals: listed.approvals } : { sessions: listed.sessions });
  }) as OwnerConnection['command'];
  const notices: string[] = [];
  const sync = createCompanionSync({ store, command, cache, onNotice: (n) => notices.push(n.transactionId), budgetDebounceMs: 300, persistDelayMs: 100 });
  return { store, cache, calls, listed, sync, notices };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('the companion sync', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('applies a snapshot, keeps its seq and writes state and seq together to storage', async () => {
    const t = setup();
    t.sync.handle({ type: 'snapshot', seq: 12, snapshot: { killSwitch: KILL_SWITCH_ACTIVE, sessions: [], delayedTransactions: [], approvals: [approvalFixture(2)] } });
    expect(t.sync.lastSeq()).toBe(12);
    expect(t.store.get().approvals.map((a) => a.id)).toEqual([id(2)]);
    expect(t.cache.peek()).toBeNull();
    vi.advanceTimersByTime(100);
    expect(t.cache.peek()).toMatchObject({ lastSeq: 12, approvals: [{ id: id(2) }], killSwitch: KILL_SWITCH_ACTIVE });
  });

  it('restores what a stopped service worker last showed, and resumes from its seq', async () => {
    const first = setup();
    first.sync.handle({ type: 'snapshot', seq: 3, snapshot: { killSwitch: KILL_SWITCH_ACTIVE, sessions: [sessionFixture(10)], delayedTransactions: [], approvals: [approvalFixture(1)] } });
    first.sync.handle(eventFrame(4, { kind: 'kill_switch.changed', state: 'SUSPENDED', actor: 'cli', reason: null }));
    vi.advanceTimersByTime(100);
    const second = setup(first.cache.peek());
    expect(await second.sync.restore()).toBe(true);
    expect(second.sync.lastSeq()).toBe(4);
    expect(second.store.get()).toMatchObject({ approvals: [{ id: id(1) }], sessions: [{ id: id(10) }], killSwitch: { state: 'SUSPENDED' } });
    expect(second.store.get().activity).toHaveLength(1);
  });

  it('drops a cache that no longer fits the schema, so the signer sends a snapshot', async () => {
    const t = setup({ lastSeq: 9, approvals: [{ id: 'old shape' }] });
    expect(await t.sync.restore()).toBe(false);
    expect(t.sync.lastSeq()).toBeNull();
  });

  it('re-lists approvals and sessions once synced', async () => {
    const t = setup();
    t.sync.handle({ type: 'synced', seq: 0 });
    await flush();
    expect(t.calls.sort()).toEqual(['approval.list', 'session.list']);
    expect(t.store.get()).toMatchObject({ approvals: [{ id: id(1) }], sessions: [{ id: id(10) }] });
  });

  it('re-lists sessions on session events, and everything once per burst of budget moves', async () => {
    const t = setup();
    t.sync.handle(eventFrame(1, { kind: 'session.created', sessionId: id(10), walletId: WALLET }));
    await flush();
    expect(t.calls).toEqual(['session.list']);
    for (const [seq, change] of [[2, 'reserved'], [3, 'committed']] as const) {
      t.sync.handle(eventFrame(seq, { kind: 'budget.changed', walletId: WALLET, sessionId: null, transactionId: id(1), change }));
    }
    vi.advanceTimersByTime(299);
    expect(t.calls).toEqual(['session.list']);
    vi.advanceTimersByTime(1);
    expect(t.calls.slice(1).sort()).toEqual(['approval.list', 'session.list']);
  });

  it('hands NOTIFY notices to the notifier', () => {
    const t = setup();
    t.sync.handle(eventFrame(1, { kind: 'transaction.notify', transactionId: id(7), walletId: WALLET, type: 'TRANSFER', policyReason: null }));
    expect(t.notices).toEqual([id(7)]);
  });

  it('clear forgets the seq and the cached state', async () => {
    const t = setup();
    t.sync.handle({ type: 'synced', seq: 5 });
    await t.sync.clear();
    expect(t.sync.lastSeq()).toBeNull();
    expect(t.cache.peek()).toBeNull();
  });
});
