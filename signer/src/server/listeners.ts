import { chmodSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import { WaiaasError } from '@waiaas/protocol';
import type { Hono } from 'hono';

type Fetch = Hono['fetch'];

export const ADMIN_PREFIX = '/v1/admin';

/**
 * The unix socket serves the agent API and, under /v1/admin, the admin API. The dispatch is by
 * path prefix, before either app runs, so the agent app's middleware never sees admin traffic and
 * the other way round.
 */
export function socketFetch(agentFetch: Fetch, adminFetch: Fetch): Fetch {
  return (request, ...rest) => {
    const { pathname } = new URL(request.url);
    const isAdmin = pathname === ADMIN_PREFIX || pathname.startsWith(`${ADMIN_PREFIX}/`);
    return (isAdmin ? adminFetch : agentFetch)(request, ...rest);
  };
}

export const OWNER_PREFIX = '/v1/owner';

/**
 * The loopback TCP listener serves the agent API and, under /v1/owner, the Owner channel's
 * pairing. The unix socket has no such branch: owner routes are never reachable there.
 */
export function tcpFetch(agentFetch: Fetch, ownerFetch: Fetch): Fetch {
  return (request, ...rest) => {
    const { pathname } = new URL(request.url);
    const isOwner = pathname === OWNER_PREFIX || pathname.startsWith(`${OWNER_PREFIX}/`);
    return (isOwner ? ownerFetch : agentFetch)(request, ...rest);
  };
}

export interface Listeners {
  socketPath: string;
  tcpAddress: { host: string; port: number };
  /** Stops accepting, lets in-flight requests finish for up to `graceMs`, then cuts the rest. */
  close(graceMs: number): Promise<void>;
}

export async function listen(opts: {
  socketPath: string;
  host: string;
  port: number;
  socketApp: Fetch;
  tcpApp: Fetch;
  /** WebSocket upgrades on the TCP listener only (the Owner channel); the socket gets none. */
  tcpUpgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
}): Promise<Listeners> {
  const socketServer = createServer(requireHost(getRequestListener(opts.socketApp)));
  const tcpServer = createServer(requireHost(getRequestListener(opts.tcpApp)));
  if (opts.tcpUpgrade) tcpServer.on('upgrade', opts.tcpUpgrade);
  // We hold the home's lock, so a socket file left here belongs to a dead signer.
  rmSync(opts.socketPath, { force: true });
  await listenOn(socketServer, (done) => socketServer.listen(opts.socketPath, done));
  chmodSync(opts.socketPath, 0o600);
  try {
    await listenOn(tcpServer, (done) => tcpServer.listen({ host: opts.host, port: opts.port, exclusive: true }, done));
  } catch (error) {
    await closeServer(socketServer, 0);
    throw error;
  }
  const address = tcpServer.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    socketPath: opts.socketPath,
    tcpAddress: { host: opts.host, port },
    async close(graceMs) {
      await Promise.all([closeServer(socketServer, graceMs), closeServer(tcpServer, graceMs)]);
      rmSync(opts.socketPath, { force: true });
    },
  };
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * HTTP/1.0 lets a client leave Host out, and the adapter cannot even build a URL then. Answer
 * with the same coded refusal the host guard gives, before the request reaches any app.
 */
function requireHost(listener: Listener): Listener {
  return (req, res) => {
    if (req.headers.host) return listener(req, res);
    const body = JSON.stringify(new WaiaasError('REQUEST__HOST_NOT_ALLOWED', { host: '' }).toResponse());
    res.writeHead(403, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  };
}

function listenOn(server: Server, start: (done: () => void) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    start(() => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
