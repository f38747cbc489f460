import { describe, expect, it } from 'vitest';
import type { PopupRequest, PopupResponse } from '../port/messages';
import type { PopupPort } from '../port/popup-port';
import { createConnectionModel } from './connection-model';

function createFakePort() {
  const requests: PopupRequest[] = [];
  const responseListeners = new Set<(response: PopupResponse) => void>();
  const disconnectListeners = new Set<() => void>();
  let disconnected = false;
  const port: PopupPort = {
    post: (request) => void requests.push(request),
    onResponse(listener) {
      responseListeners.add(listener);
      return () => responseListeners.delete(listener);
    },
    onDisconnect(listener) {
      disconnectListeners.add(listener);
      return () => disconnectListeners.delete(listener);
    },
    disconnect: () => void (disconnected = true),
  };
  return {
    port,
    requests,
    reply: (response: PopupResponse) => responseListeners.forEach((listener) => listener(response)),
    dropFromBackground: () => disconnectListeners.forEach((listener) => listener()),
    listenerCount: () => responseListeners.size + disconnectListeners.size,
    isDisconnected: () => disconnected,
  };
}

describe('createConnectionModel', () => {
  it('asks the background for its state as soon as it is created', () => {
    const fake = createFakePort();
    createConnectionModel(fake.port);
    expect(fake.requests).toEqual([{ type: 'getState' }]);
  });

  it('is connecting until the background answers', () => {
    const model = createConnectionModel(createFakePort().port);
    expect(model.status.value).toBe('connecting');
  });

  it('shows the connection state the background reports', () => {
    const fake = createFakePort();
    const model = createConnectionModel(fake.port);
    fake.reply({ type: 'state', state: { connection: 'unpaired' } });
    expect(model.status.value).toBe('unpaired');
  });

  it('is unreachable once the background drops the port', () => {
    const fake = createFakePort();
    const model = createConnectionModel(fake.port);
    fake.reply({ type: 'state', state: { connection: 'unpaired' } });
    fake.dropFromBackground();
    expect(model.status.value).toBe('unreachable');
  });

  it('stops listening and closes the port when disposed', () => {
    const fake = createFakePort();
    const model = createConnectionModel(fake.port);
    model[Symbol.dispose]();
    expect(fake.listenerCount()).toBe(0);
    expect(fake.isDisconnected()).toBe(true);
  });
});
