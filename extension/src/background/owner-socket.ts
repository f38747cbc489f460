/// <reference lib="dom" />

/** What the connection hears from its socket. */
export interface SocketHandlers {
  open(): void;
  message(data: unknown): void;
  close(code: number, reason: string): void;
}

/** What the connection does with its socket. */
export interface SocketHandle {
  send(text: string): void;
  close(code?: number, reason?: string): void;
}

/** Opens a WebSocket to `url`; injected so tests (and Node, with `ws`) can supply their own. */
export type OpenSocket = (url: string, handlers: SocketHandlers) => SocketHandle;

/**
 * The browser's WebSocket as an OpenSocket. The browser sets the Origin header to the extension's
 * own origin, which is what the signer checks against the origin the device paired from.
 */
export function browserSocket(WebSocketClass: new (url: string) => WebSocket): OpenSocket {
  return (url, handlers) => {
    const ws = new WebSocketClass(url);
    ws.onopen = () => handlers.open();
    ws.onmessage = (event) => handlers.message(event.data);
    ws.onclose = (event) => handlers.close(event.code, event.reason);
    return {
      send: (text) => ws.send(text),
      close: (code, reason) => ws.close(code, reason),
    };
  };
}
