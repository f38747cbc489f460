import { describe, expect, it } from 'vitest';
import type { NotificationPrefs, PageRequest, PairingInfo } from '../port/messages.js';
import { sessionFixture, id } from './companion-fixtures.test-support.js';
import { createStore, DEFAULT_PREFS, initialCompanionState } from './companion-store.js';
import type { CompanionSync } from './companion-sync.js';
import type { CosignFlows } from './cosign-flows.js';
import type { OwnerConnection } from './owner-connection.js';
import { createPageActions } from './page-actions.js';
import type { Pairing } from './pairing.js';
import { createMemoryStorageItem } from './storage-item.js';

const PAIRING: PairingInfo = { signerUrl: 'http://127.0.0.1:3100', deviceId: id(1), identityKey: 'k', signerIdentity: 'ed25519:k', deviceName: 'laptop', pairedAt: '2026-11-21T10:00:00.000Z' };

function setup() {
  const log: string[] = [];
  const store = createStore({ ...initialCompanionState(), connection: 'connected' as const, pairing: PAIRING, sessions: [sessionFixture(10), sessionFixture(11)] });
  const prefs = createMemoryStorageItem<NotificationPrefs>(DEFAULT_PREFS);
  const connection = {
    start: () => void log.push('start'),
    stop: () => void log.push('stop'),
    command: (async (type: string, fields: Record<string, unknown>) => {
      log.push(`${type} ${JSON.stringify(fields)}`);
      return type === 'session.revoke' ? { session: sessionFixture(10, { status: 'revoked' }) } : {};
    }) as OwnerConnection['command'],
  } as Pick<OwnerConnection, 'start' | 'stop' | 'command'> as OwnerConnection;
  const pairing: Pairing = {
    current: async () => PAIRING,
    pair: async () => {
      log.push('pair');
      return { ...PAIRING, deviceId: id(2) };
    },
    unpair: async () => void log.push('unpair'),
  };
  const sync = { clear: async () => void log.push('clear') } as Pick<CompanionSync, 'clear'> as CompanionSync;
  const handle = createPageActions({ store, pairing, connection, sync, flows: {} as CosignFlows, prefs });
  const ask = <R extends Omit<PageRequest, 'id'>>(request: R) => handle({ id: 'r', ...request } as PageRequest);
  return { store, prefs, log, ask };
}

describe('page actions', () => {
  it('pair: pairs first, then drops the old connection and state, then connects', async () => {
    const t = setup();
    expect(await t.ask({ type: 'pair', signerUrl: PAIRING.signerUrl, code: 'c', deviceName: 'laptop' })).toEqual({ pairing: { ...PAIRING, deviceId: id(2) } });
    expect(t.log).toEqual(['pair', 'stop', 'clear', 'start']);
    expect(t.store.get()).toMatchObject({ pairing: { deviceId: id(2) }, sessions: [], connection: 'connecting' });
  });

  it('unpair: closes the socket, forgets state and pairing, keeps the preferences', async () => {
    const t = setup();
    t.store.update((s) => ({ ...s, prefs: { approvals: false, notices: true } }));
    await t.ask({ type: 'unpair' });
    expect(t.log).toEqual(['stop', 'clear', 'unpair']);
    expect(t.store.get()).toMatchObject({ connection: 'unpaired', pairing: null, sessions: [], prefs: { approvals: false, notices: true } });
  });

  it('revokeSession: asks the signer and drops the session at once', async () => {
    const t = setup();
    const result = await t.ask({ type: 'revokeSession', sessionId: id(10) });
    expect(result).toMatchObject({ session: { id: id(10), status: 'revoked' } });
    expect(t.log).toEqual([`session.revoke {"sessionId":"${id(10)}"}`]);
    expect(t.store.get().sessions.map((s) => s.id)).toEqual([id(11)]);
  });

  it('activateKillSwitch sends a reason only when there is one', async () => {
    const t = setup();
    await t.ask({ type: 'activateKillSwitch', reason: '  ' }).catch(() => undefined);
    await t.ask({ type: 'activateKillSwitch', reason: ' stop ' }).catch(() => undefined);
    expect(t.log).toEqual(['kill_switch.activate {}', 'kill_switch.activate {"reason":"stop"}']);
  });

  it('setPrefs stores the preferences and shows them', async () => {
    const t = setup();
    const prefs = { approvals: true, notices: false };
    expect(await t.ask({ type: 'setPrefs', prefs })).toEqual({ prefs });
    expect(t.prefs.peek()).toEqual(prefs);
    expect(t.store.get().prefs).toEqual(prefs);
  });
});
