import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PAGE_PORT_NAME } from './messages';
import { PORT_CLOSED, PORT_TIMEOUT, connectPagePort, type RuntimePort } from './page-port';
import { createCompanionState } from '../models/fake-companion-state';

function createFakeRuntime() {
  const posted: unknown[] = [];
  const messageListeners = new Set<(message: unknown) => void>();
  const disconnectListeners = new Set<() => void>();
  const names: string[] = [];
  let disconnected = false;
  const port: RuntimePort = {
    postMessage: (message) => void posted.push(message),
    onMessage: { addListener: (l) => void messageListeners.add(l), removeListener: (l) => void messageListeners.delete(l) },
    onDisconnect: { addListener: (l) => void disconnectListeners.add(l), removeListener: (l) => void disconnectListeners.delete(l) },
    disconnect: () => void (disconnected = true),
  };
  return {
    runtime: { connect: (info: { name: string }) => (names.push(info.name), port) },
    names,
    posted,
    send: (message: unknown) => messageListeners.forEach((l) => l(message)),
    dropFromBackground: () => disconnectListeners.forEach((l) => l()),
    listenerCount: () => messageListeners.size + disconnectListeners.size,
    isDisconnected: () => disconnected,
  };
}

let ids = 0;
const options = { newId: () => `req-${++ids}` };

beforeEach(() => {
  ids = 0;
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('connectPagePort', () => {
  it('connects with the page port name', () => {
    const fake = createFakeRuntime();
    connectPagePort(fake.runtime, options);
    expect(fake.names).toEqual([PAGE_PORT_NAME]);
  });

  it('sends each request with a fresh id and resolves it with the reply carrying that id', async () => {
    const fake = createFakeRuntime();
    const port = connectPagePort(fake.runtime, options);
    const first = port.request({ type: 'revokeSession', sessionId: 's1' });
    const second = port.request({ type: 'getOwner' });
    expect(fake.posted).toEqual([
      { type: 'revokeSession', sessionId: 's1', id: 'req-1' },
      { type: 'getOwner', id: 'req-2' },
    ]);
    const owner = { state: 'NONE', chain: null, address: null, setAt: null, lockedAt: null };
    fake.send({ type: 'reply', id: 'req-2', ok: true, result: { owner } });
    fake.send({ type: 'reply', id: 'req-1', ok: false, error: { code: 'SESSION__NOT_FOUND', message: 'gone' } });
    await expect(second).resolves.toEqual({ type: 'reply', id: 'req-2', ok: true, result: { owner } });
    await expect(first).resolves.toMatchObject({ ok: false, error: { code: 'SESSION__NOT_FOUND' } });
  });

  it('ignores replies to ids it never sent and messages that are not shaped like one', async () => {
    const fake = createFakeRuntime();
    const port = connectPagePort(fake.runtime, options);
    const reply = port.request({ type: 'unpair' });
    fake.send({ type: 'reply', id: 'someone-else', ok: true, result: {} });
    fake.send({ type: 'reply', id: 'req-1' });
    fake.send('reply');
    fake.send({ type: 'reply', id: 'req-1', ok: true, result: {} });
    await expect(reply).resolves.toEqual({ type: 'reply', id: 'req-1', ok: true, result: {} });
  });

  it('answers a request the background never replies to with a timeout error', async () => {
    const fake = createFakeRuntime();
    const port = connectPagePort(fake.runtime, { ...options, timeoutsMs: { getOwner: 500 } });
    const reply = port.request({ type: 'getOwner' });
    await vi.advanceTimersByTimeAsync(500);
    await expect(reply).resolves.toEqual({
      type: 'reply',
      id: 'req-1',
      ok: false,
      error: { code: PORT_TIMEOUT, message: 'No answer from the extension background within 1 s.' },
    });
  });

  it('gives the co-sign requests minutes, since a person signs in between', async () => {
    const fake = createFakeRuntime();
    const port = connectPagePort(fake.runtime, options);
    let settled = false;
    void port.request({ type: 'approve', approvalId: 'a1' }).then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(settled).toBe(true);
  });

  it('passes state pushes to every state listener until it is removed', () => {
    const fake = createFakeRuntime();
    const port = connectPagePort(fake.runtime, options);
    const seen: string[] = [];
    const stop = port.onState((state) => seen.push(state.connection));
    fake.send({ type: 'state', state: createCompanionState({ connection: 'connecting' }) });
    stop();
    fake.send({ type: 'state', state: createCompanionState({ connection: 'connected' }) });
    expect(seen).toEqual(['connecting']);
  });

  it('settles requests still out when the background goes away, then tells its listeners', async () => {
    const fake = createFakeRuntime();
    const port = connectPagePort(fake.runtime, options);
    const reply = port.request({ type: 'listPolicies' });
    const order: string[] = [];
    void reply.then(() => order.push('reply'));
    port.onDisconnect(() => order.push('disconnect'));
    fake.dropFromBackground();
    await expect(reply).resolves.toMatchObject({ ok: false, error: { code: PORT_CLOSED } });
    expect(order).toEqual(['disconnect', 'reply']);
    await expect(port.request({ type: 'getOwner' })).resolves.toMatchObject({ ok: false, error: { code: PORT_CLOSED } });
    expect(fake.posted).toHaveLength(1);
  });

  it('stops listening and closes the runtime port when disconnected', () => {
    const fake = createFakeRuntime();
    connectPagePort(fake.runtime, options).disconnect();
    expect(fake.listenerCount()).toBe(0);
    expect(fake.isDisconnected()).toBe(true);
  });
});
