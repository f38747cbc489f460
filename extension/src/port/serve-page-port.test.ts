import { describe, expect, it } from 'vitest';
import { companionFailure } from '../background/companion-failure.js';
import { createStore, initialCompanionState } from '../background/companion-store.js';
import { PAGE_PORT_NAME, type PageRequest } from './messages.js';
import { type IncomingPort, type PagePortRuntime, servePagePort } from './serve-page-port.js';

const EXTENSION_ID = 'owner-companion-test-id';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const APPROVAL = '01936a5c-0000-7000-8000-000000000001';

function createFakeRuntime(): PagePortRuntime & { connect(port: IncomingPort): void } {
  const listeners: ((port: IncomingPort) => void)[] = [];
  return {
    id: EXTENSION_ID,
    getURL: (path) => new URL(path, EXTENSION_ORIGIN).href,
    onConnect: { addListener: (listener) => void listeners.push(listener) },
    connect: (port) => listeners.forEach((listener) => listener(port)),
  };
}

function createFakePort(name: string, sender: IncomingPort['sender']) {
  const posted: unknown[] = [];
  const messageListeners: ((message: unknown) => void)[] = [];
  const disconnectListeners: (() => void)[] = [];
  let disconnected = false;
  const port: IncomingPort = {
    name,
    sender,
    postMessage: (message) => void posted.push(message),
    onMessage: { addListener: (listener) => void messageListeners.push(listener) },
    onDisconnect: { addListener: (listener) => void disconnectListeners.push(listener) },
    disconnect: () => void (disconnected = true),
  };
  return {
    port,
    posted,
    send: (message: unknown) => messageListeners.forEach((listener) => listener(message)),
    close: () => disconnectListeners.forEach((listener) => listener()),
    isDisconnected: () => disconnected,
  };
}

const pageSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}popup.html` };
const flush = () => new Promise((resolve) => setImmediate(resolve));

function serve() {
  const runtime = createFakeRuntime();
  const store = createStore(initialCompanionState());
  const handled: PageRequest[] = [];
  servePagePort(runtime, {
    store,
    handle: async (request) => {
      handled.push(request);
      if (request.type === 'approve') throw companionFailure('COMPANION__COSIGN_CANCELLED');
      return { state: store.get() };
    },
  });
  return { runtime, store, handled };
}

describe('servePagePort', () => {
  it('answers a request from a page with a reply carrying its id', async () => {
    const { runtime, store } = serve();
    const popup = createFakePort(PAGE_PORT_NAME, pageSender);
    runtime.connect(popup.port);
    popup.send({ id: 'r1', type: 'getState' });
    await flush();
    expect(popup.posted).toEqual([{ type: 'reply', id: 'r1', ok: true, result: { state: store.get() } }]);
  });

  it('answers a failed action with its coded error', async () => {
    const { runtime } = serve();
    const popup = createFakePort(PAGE_PORT_NAME, pageSender);
    runtime.connect(popup.port);
    popup.send({ id: 'r2', type: 'approve', approvalId: APPROVAL });
    await flush();
    expect(popup.posted).toEqual([
      { type: 'reply', id: 'r2', ok: false, error: { code: 'COMPANION__COSIGN_CANCELLED', message: 'The co-sign window was closed before the Owner signed. Nothing was sent.' } },
    ]);
  });

  it('never acts on a malformed request: an error reply when it has an id, nothing otherwise', async () => {
    const { runtime, handled } = serve();
    const popup = createFakePort(PAGE_PORT_NAME, pageSender);
    runtime.connect(popup.port);
    popup.send({ id: 'r3', type: 'revokeSession', sessionId: 'x' });
    popup.send({ type: 'approve', id: 1 });
    popup.send('getState');
    await flush();
    expect(handled).toEqual([]);
    expect(popup.posted).toEqual([{ type: 'reply', id: 'r3', ok: false, error: { code: 'COMPANION__INVALID_REQUEST', message: expect.stringContaining('sessionId') } }]);
  });

  it('pushes every state change to every connected page, and stops for a closed one', () => {
    const { runtime, store } = serve();
    const popup = createFakePort(PAGE_PORT_NAME, pageSender);
    const options = createFakePort(PAGE_PORT_NAME, { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}options.html` });
    runtime.connect(popup.port);
    runtime.connect(options.port);
    store.update((s) => ({ ...s, connection: 'connected' }));
    options.close();
    store.update((s) => ({ ...s, connection: 'disconnected' }));
    expect(popup.posted.map((m) => (m as { state: { connection: string } }).state.connection)).toEqual(['connected', 'disconnected']);
    expect(options.posted).toHaveLength(1);
  });

  it('drops a port opened by a content script on a web page', async () => {
    const { runtime, store, handled } = serve();
    const contentScript = createFakePort(PAGE_PORT_NAME, { id: EXTENSION_ID, url: 'http://127.0.0.1:3100/v1/owner/cosign' });
    runtime.connect(contentScript.port);
    contentScript.send({ id: 'r4', type: 'getState' });
    store.update((s) => ({ ...s, connection: 'connected' }));
    await flush();
    expect(contentScript.posted).toEqual([]);
    expect(contentScript.isDisconnected()).toBe(true);
    expect(handled).toEqual([]);
  });

  it('drops a port from another extension', () => {
    const { runtime } = serve();
    const other = createFakePort(PAGE_PORT_NAME, { id: 'someone-else', url: 'chrome-extension://someone-else/popup.html' });
    runtime.connect(other.port);
    expect(other.isDisconnected()).toBe(true);
  });

  it('leaves ports with another name alone', () => {
    const { runtime } = serve();
    const other = createFakePort('something-else', pageSender);
    runtime.connect(other.port);
    other.send({ id: 'r5', type: 'getState' });
    expect(other.posted).toEqual([]);
    expect(other.isDisconnected()).toBe(false);
  });
});
