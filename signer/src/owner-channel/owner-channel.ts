import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { owner, WaiaasError } from '@waiaas/protocol';
import { WebSocketServer } from 'ws';
import type { OwnerEvents } from './owner-events.js';
import { acceptOwnerConnection, type OwnerConnection, type OwnerConnectionDeps } from './owner-connection.js';

/** Pings every 20 s; a device that misses one is dropped. */
export const OWNER_HEARTBEAT_MS = 20_000;
export const OWNER_AUTH_TIMEOUT_MS = 10_000;
/** Hard cap ws enforces by closing (1009); frames between the protocol limit and this get a coded error. */
const HARD_MAX_PAYLOAD = 1024 * 1024;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface OwnerChannel {
  /** The TCP listener's `upgrade` handler: serves /v1/owner/ws and nothing else. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes a revoked device's open connections at once; returns how many. */
  closeDevice(deviceId: string): number;
  /** True while at least one paired device has authenticated (an open socket that has not does not count). */
  deviceConnected(): boolean;
  close(): void;
}

export function createOwnerChannel(
  deps: Omit<OwnerConnectionDeps, 'events' | 'authTimeoutMs'> & { events: OwnerEvents; heartbeatMs?: number; authTimeoutMs?: number },
): OwnerChannel {
  const wss = new WebSocketServer({ noServer: true, maxPayload: HARD_MAX_PAYLOAD, perMessageDeflate: false });
  const connections = new Set<OwnerConnection>();
  const connectionDeps: OwnerConnectionDeps = { ...deps, events: deps.events.store, authTimeoutMs: deps.authTimeoutMs ?? OWNER_AUTH_TIMEOUT_MS };
  const unsubscribe = deps.events.subscribe(() => {
    for (const connection of connections) connection.flush();
  });
  const heartbeat = setInterval(() => {
    for (const connection of connections) connection.heartbeat();
  }, deps.heartbeatMs ?? OWNER_HEARTBEAT_MS);
  heartbeat.unref();

  return {
    handleUpgrade(req, socket, head) {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path !== owner.OWNER_WS_PATH) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        // DNS rebinding: a page on evil.example rebound to 127.0.0.1 still says "Host: evil.example".
        const host = req.headers.host ?? '';
        if (!LOCAL_HOSTS.has(host.replace(/:[0-9]*$/, '').toLowerCase())) {
          const error = new WaiaasError('REQUEST__HOST_NOT_ALLOWED', { host });
          ws.send(JSON.stringify({ type: 'error', error: error.toResponse().error }));
          ws.close(owner.OWNER_CLOSE_CODES.refused, error.code);
          return;
        }
        const connection = acceptOwnerConnection(ws, { origin: req.headers.origin }, connectionDeps);
        connections.add(connection);
        ws.on('close', () => connections.delete(connection));
      });
    },
    closeDevice(deviceId) {
      let closed = 0;
      for (const connection of connections) {
        if (connection.deviceId !== deviceId) continue;
        connection.refuse(new WaiaasError('OWNER__DEVICE_REVOKED', { deviceId }), owner.OWNER_CLOSE_CODES.revoked);
        closed++;
      }
      return closed;
    },
    deviceConnected() {
      for (const connection of connections) if (connection.deviceId !== undefined) return true;
      return false;
    },
    close() {
      clearInterval(heartbeat);
      unsubscribe();
      for (const client of wss.clients) client.close(1001, 'signer stopping');
      wss.close();
    },
  };
}
