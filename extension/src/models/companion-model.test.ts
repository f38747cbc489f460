import { describe, expect, it } from 'vitest';
import { createCompanionModel } from './companion-model';
import { createApproval, createCompanionState } from './fake-companion-state';
import { createFakePagePort } from './fake-page-port';

function setUp() {
  const fake = createFakePagePort();
  return { fake, model: createCompanionModel(fake.port) };
}

describe('createCompanionModel', () => {
  it('asks the background for its state as soon as it is created, and is loading until then', () => {
    const { fake, model } = setUp();
    expect(fake.sent()).toEqual([{ type: 'getState' }]);
    expect(model.connection.value).toBe('loading');
    expect(model.state.value).toBeNull();
  });

  it('shows the state the background answers with, then every state it pushes', async () => {
    const { fake, model } = setUp();
    await fake.answer('getState', { state: createCompanionState({ connection: 'connecting' }) });
    expect(model.connection.value).toBe('connecting');
    const approval = createApproval();
    fake.push(createCompanionState({ approvals: [approval] }));
    expect(model.connection.value).toBe('connected');
    expect(model.state.value?.approvals).toEqual([approval]);
  });

  it('keeps the error of a first load that failed, and clears it when asked again', async () => {
    const { fake, model } = setUp();
    await fake.fail('getState', { code: 'COMPANION__PORT_TIMEOUT', message: 'No answer' });
    expect(model.loadError.value).toEqual({ code: 'COMPANION__PORT_TIMEOUT', message: 'No answer' });
    void model.reload();
    expect(model.loadError.value).toBeNull();
    await fake.answer('getState', { state: createCompanionState() });
    expect(model.connection.value).toBe('connected');
  });

  it('is unreachable once the background drops the port', async () => {
    const { fake, model } = setUp();
    await fake.answer('getState', { state: createCompanionState() });
    fake.dropFromBackground();
    expect(model.connection.value).toBe('unreachable');
  });

  it('approves through the port and shows the approval pending until the reply', async () => {
    const { fake, model } = setUp();
    const done = model.approve('a1');
    expect(fake.sent()).toContainEqual({ type: 'approve', approvalId: 'a1' });
    expect(model.requests.value['approve:a1']).toEqual({ pending: true, error: null });
    await fake.answer('approve', { status: 'APPROVED' });
    await expect(done).resolves.toBe(true);
    expect(model.requests.value['approve:a1']).toBeUndefined();
  });

  it('keeps a failed request’s error, with its code, on that request’s key only', async () => {
    const { fake, model } = setUp();
    void model.reject('a1', 'not this one');
    void model.reject('a2');
    expect(fake.sent()).toContainEqual({ type: 'reject', approvalId: 'a1', reason: 'not this one' });
    expect(fake.sent()).toContainEqual({ type: 'reject', approvalId: 'a2' });
    await fake.fail('reject', { code: 'COMPANION__COSIGN_CANCELLED', message: 'The co-sign window was closed.' });
    expect(model.requests.value['reject:a1']).toEqual({
      pending: false,
      error: { code: 'COMPANION__COSIGN_CANCELLED', message: 'The co-sign window was closed.' },
    });
    expect(model.requests.value['reject:a2']).toEqual({ pending: true, error: null });
    model.dismiss('reject:a1');
    expect(model.requests.value['reject:a1']).toBeUndefined();
  });

  it('revokes a session and activates the kill switch with the reason given', async () => {
    const { fake, model } = setUp();
    void model.revokeSession('s1');
    const stopped = model.activateKillSwitch('agent went rogue');
    expect(fake.sent()).toContainEqual({ type: 'revokeSession', sessionId: 's1' });
    expect(fake.sent()).toContainEqual({ type: 'activateKillSwitch', reason: 'agent went rogue' });
    const killSwitch = { state: 'SUSPENDED' as const, changedAt: '2026-11-21T10:00:00.000Z', actor: 'owner', reason: 'agent went rogue' };
    await fake.answer('activateKillSwitch', { killSwitch, revokedSessions: 2, cancelledTransactions: 1 });
    await expect(stopped).resolves.toBe(true);
    expect(model.lastKillSwitch.value).toEqual({ killSwitch, revokedSessions: 2, cancelledTransactions: 1 });
  });

  it('stops listening and closes the port when disposed', () => {
    const { fake, model } = setUp();
    model[Symbol.dispose]();
    expect(fake.listenerCount()).toBe(0);
    expect(fake.isDisconnected()).toBe(true);
  });
});
