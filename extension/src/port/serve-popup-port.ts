import { POPUP_PORT_NAME, isPopupRequest, type CompanionState, type PopupResponse } from './messages';

/** The slice of `runtime.Port` the background uses when a page connects. */
export interface IncomingPort {
  name: string;
  sender?: { id?: string; url?: string };
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  disconnect(): void;
}

/** The slice of `runtime` the background needs to serve the popup. */
export interface PopupPortRuntime {
  id: string;
  getURL(path: string): string;
  onConnect: { addListener(listener: (port: IncomingPort) => void): void };
}

/**
 * Whether a port comes from one of this extension's own pages (popup, options).
 * Content scripts share the extension id but run on web pages, so their sender url is the page's:
 * the url prefix, not the id alone, is what keeps a web page out of the trusted Owner channel.
 */
export function isOwnExtensionPage(port: IncomingPort, runtime: PopupPortRuntime): boolean {
  const { sender } = port;
  return sender?.id === runtime.id && sender.url?.startsWith(runtime.getURL('/')) === true;
}

/** Answers the popup's requests with the background's current state. */
export function servePopupPort(runtime: PopupPortRuntime, getState: () => CompanionState): void {
  runtime.onConnect.addListener((port) => {
    if (port.name !== POPUP_PORT_NAME) return;
    if (!isOwnExtensionPage(port, runtime)) {
      port.disconnect();
      return;
    }
    port.onMessage.addListener((message) => {
      if (!isPopupRequest(message)) return;
      const response: PopupResponse = { type: 'state', state: getState() };
      port.postMessage(response);
    });
  });
}
