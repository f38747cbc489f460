import { describe, expect, it } from 'vitest';
import { POPUP_PORT_NAME } from './messages';
import { servePopupPort, type IncomingPort, type PopupPortRuntime } from './serve-popup-port';

const EXTENSION_ID = 'owner-companion-test-id';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

function createFakeRuntime(): PopupPortRuntime & { connect(port: IncomingPort): void } {
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
  let disconnected = false;
  const port: IncomingPort = {
    name,
    sender,
    postMessage: (message) => void posted.push(message),
    onMessage: { addListener: (listener) => void messageListeners.push(listener) },
    disconnect: () => void (disconnected = true),
  };
  return {
    port,
    posted,
    send: (message: unknown) => messageListeners.forEach((listener) => listener(message)),
    isDisconnected: () => disconnected,
  };
}

const popupSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}popup.html` };

function serve() {
  const runtime = createFakeRuntime();
  servePopupPort(runtime, () => ({ connection: 'unpaired' }));
  return runtime;
}

describe('servePopupPort', () => {
  it('answers a state request from the popup with the current state', () => {
    const popup = createFakePort(POPUP_PORT_NAME, popupSender);
    serve().connect(popup.port);
    popup.send({ type: 'getState' });
    expect(popup.posted).toEqual([{ type: 'state', state: { connection: 'unpaired' } }]);
  });

  it('ignores messages that are not requests', () => {
    const popup = createFakePort(POPUP_PORT_NAME, popupSender);
    serve().connect(popup.port);
    popup.send({ type: 'approve', id: 1 });
    popup.send('getState');
    expect(popup.posted).toEqual([]);
  });

  it('drops a port opened by a content script on a web page', () => {
    const contentScript = createFakePort(POPUP_PORT_NAME, { id: EXTENSION_ID, url: 'https://evil.example/' });
    serve().connect(contentScript.port);
    contentScript.send({ type: 'getState' });
    expect(contentScript.posted).toEqual([]);
    expect(contentScript.isDisconnected()).toBe(true);
  });

  it('leaves ports with another name alone', () => {
    const other = createFakePort('something-else', popupSender);
    serve().connect(other.port);
    other.send({ type: 'getState' });
    expect(other.posted).toEqual([]);
    expect(other.isDisconnected()).toBe(false);
  });
});
