import { computed, createModel, effect, signal } from '@preact/signals';
import type { ConnectionState } from '../port/messages';
import type { PopupPort } from '../port/popup-port';

/**
 * What the popup shows: `connecting` until the background answers, then the background's own
 * connection state, or `unreachable` once the port to the background is gone.
 */
export type ConnectionStatus = 'connecting' | ConnectionState | 'unreachable';

const ConnectionModel = createModel((port: PopupPort) => {
  const status = signal<ConnectionStatus>('connecting');

  // An effect owned by the model, so disposing the model removes the listeners and closes the port.
  effect(() => {
    const stopResponses = port.onResponse((response) => {
      status.value = response.state.connection;
    });
    const stopDisconnect = port.onDisconnect(() => {
      status.value = 'unreachable';
    });
    port.post({ type: 'getState' });
    return () => {
      stopResponses();
      stopDisconnect();
      port.disconnect();
    };
  });

  return { status: computed(() => status.value) };
});

export type ConnectionModel = InstanceType<typeof ConnectionModel>;

/** The popup's view of the background's connection, with the port to the background injected. */
export function createConnectionModel(port: PopupPort): ConnectionModel {
  return new ConnectionModel(port);
}
