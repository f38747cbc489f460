import { POPUP_PORT_NAME, isPopupResponse, type PopupRequest, type PopupResponse } from './messages';

/** The popup's side of the port, small enough that a test can fake it in a few lines. */
export interface PopupPort {
  post(request: PopupRequest): void;
  /** Returns a function that removes the listener. */
  onResponse(listener: (response: PopupResponse) => void): () => void;
  /** Called when the background goes away (service worker stopped, extension reloaded). */
  onDisconnect(listener: () => void): () => void;
  disconnect(): void;
}

type Listeners<TListener> = {
  addListener(listener: TListener): void;
  removeListener(listener: TListener): void;
};

/** The slice of `runtime.Port` this adapter uses. */
export interface RuntimePort {
  postMessage(message: unknown): void;
  onMessage: Listeners<(message: unknown) => void>;
  onDisconnect: Listeners<() => void>;
  disconnect(): void;
}

/** Opens the popup's port to the background through `runtime.connect`. */
export function connectPopupPort(runtime: { connect(info: { name: string }): RuntimePort }): PopupPort {
  const port = runtime.connect({ name: POPUP_PORT_NAME });
  return {
    post: (request) => port.postMessage(request),
    onResponse(listener) {
      // Anything that is not a well-formed response is dropped here, so the model never sees it.
      const onMessage = (message: unknown): void => {
        if (isPopupResponse(message)) listener(message);
      };
      port.onMessage.addListener(onMessage);
      return () => port.onMessage.removeListener(onMessage);
    },
    onDisconnect(listener) {
      port.onDisconnect.addListener(listener);
      return () => port.onDisconnect.removeListener(listener);
    },
    disconnect: () => port.disconnect(),
  };
}
