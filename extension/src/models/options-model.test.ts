import { signal } from '@preact/signals';
import type { admin, Policy } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import type { CompanionState } from '../port/messages';
import { createCompanionState } from './fake-companion-state';
import { createFakePagePort } from './fake-page-port';
import { createOptionsModel } from './options-model';

const OWNER: admin.OwnerStatus = { state: 'LOCKED', chain: 'solana', address: 'Own3r', setAt: '2026-11-20T08:00:00.000Z', lockedAt: '2026-11-20T08:00:00.000Z' };
const POLICY: Policy = {
  id: '01980000-0000-7000-8000-00000000f001',
  scope: 'global',
  walletId: null,
  sessionId: null,
  rule: { type: 'RECIPIENT_ALLOWLIST', addresses: ['Bob'] },
  createdAt: '2026-11-20T08:00:00.000Z',
  updatedAt: '2026-11-20T08:00:00.000Z',
};

function setUp(connection: CompanionState['connection'] = 'connected') {
  const fake = createFakePagePort();
  const state = signal<CompanionState | null>(createCompanionState({ connection }));
  return { fake, state, model: createOptionsModel(fake.port, state) };
}

describe('createOptionsModel', () => {
  it('reads the Owner and the policies once connected, and again after each reconnect', async () => {
    const { fake, state, model } = setUp('connecting');
    expect(fake.sent()).toEqual([]);
    state.value = createCompanionState({ connection: 'connected' });
    expect(fake.sent()).toEqual([{ type: 'getOwner' }, { type: 'listPolicies' }]);
    await fake.answer('getOwner', { owner: OWNER });
    await fake.answer('listPolicies', { policies: [POLICY] });
    expect(model.owner.value).toEqual(OWNER);
    expect(model.policies.value).toEqual([POLICY]);
    state.value = createCompanionState({ connection: 'disconnected' });
    state.value = createCompanionState({ connection: 'connected' });
    expect(fake.sent()).toHaveLength(4);
  });

  it('does not read them again when a push leaves the connection up', () => {
    const { fake, state } = setUp();
    state.value = createCompanionState({ activity: [] });
    expect(fake.sent()).toHaveLength(2);
  });

  it('pairs with what the form gave and reports a refused code with its error code', async () => {
    const { fake, model } = setUp('unpaired');
    const paired = model.pair({ signerUrl: 'http://127.0.0.1:3100', code: 'ABCD-1234', deviceName: 'Laptop' });
    expect(fake.sent()).toEqual([{ type: 'pair', signerUrl: 'http://127.0.0.1:3100', code: 'ABCD-1234', deviceName: 'Laptop' }]);
    expect(model.requests.value.pair?.pending).toBe(true);
    await fake.fail('pair', { code: 'PAIRING__CODE_MISMATCH', message: 'wrong code' });
    await expect(paired).resolves.toBe(false);
    expect(model.requests.value.pair?.error?.code).toBe('PAIRING__CODE_MISMATCH');
  });

  it('shows the Owner the co-sign window registered', async () => {
    const { fake, model } = setUp('unpaired');
    const registered = model.registerOwner('evm');
    expect(fake.sent()).toEqual([{ type: 'registerOwner', chain: 'evm' }]);
    await fake.answer('registerOwner', { owner: { ...OWNER, chain: 'evm', state: 'GRACE' } });
    await expect(registered).resolves.toBe(true);
    expect(model.owner.value?.state).toBe('GRACE');
  });

  it('reads the policies again after a change the Owner signed', async () => {
    const { fake, model } = setUp('unpaired');
    const changed = model.changePolicy({ remove: POLICY.id });
    await fake.answer('changePolicy', { policy: POLICY });
    expect(fake.sent()).toEqual([{ type: 'changePolicy', change: { remove: POLICY.id } }, { type: 'listPolicies' }]);
    await fake.answer('listPolicies', { policies: [] });
    await expect(changed).resolves.toBe(true);
    expect(model.policies.value).toEqual([]);
  });

  it('forgets the Owner and the policies once unpaired', async () => {
    const { fake, model } = setUp();
    await fake.answer('getOwner', { owner: OWNER });
    await fake.answer('listPolicies', { policies: [POLICY] });
    void model.unpair();
    await fake.answer('unpair', {});
    expect(model.owner.value).toBeNull();
    expect(model.policies.value).toBeNull();
  });

  it('saves notification preferences', async () => {
    const { fake, model } = setUp('unpaired');
    void model.setPrefs({ approvals: false, notices: true });
    expect(fake.sent()).toEqual([{ type: 'setPrefs', prefs: { approvals: false, notices: true } }]);
  });
});
