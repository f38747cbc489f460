import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Thrown by a handler to answer with a JSON-RPC error object. */
export class JsonRpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

export type RpcHandler = (params: readonly unknown[]) => unknown;

/**
 * Ways for the node to be down: answer HTTP 503 (a load balancer in front of a dead node), reset
 * the connection, accept the request and never answer, or answer every call with Agave's
 * "node is behind" JSON-RPC error (-32005).
 */
export type Outage = 'http-503' | 'reset' | 'hang' | 'unhealthy';

const NODE_BEHIND = new JsonRpcError(-32005, 'Node is behind by 42 slots', { numSlotsBehind: 42 });

export interface JsonRpcServer {
  readonly url: string;
  /** Every method called so far, in order (answered or not). */
  readonly calls: readonly string[];
  setOutage(outage: Outage | undefined): void;
  close(): Promise<void>;
}

/** A JSON-RPC 2.0 server over HTTP on 127.0.0.1 and a random port. Integers go out as JSON numbers, bigints included. */
export async function startJsonRpcServer(handlers: Readonly<Record<string, RpcHandler>>): Promise<JsonRpcServer> {
  const calls: string[] = [];
  const hanging = new Set<ServerResponse>();
  let outage: Outage | undefined;

  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const request = parseRequest(body);
      if (request.method) calls.push(request.method);
      if (outage === 'http-503') return void res.writeHead(503, 'Service Unavailable').end('node is down');
      if (outage === 'reset') return void req.socket.destroy();
      if (outage === 'hang') return void hanging.add(res);
      const reply = answer(handlers, outage === 'unhealthy' ? { ...request, error: NODE_BEHIND } : request);
      res.writeHead(200, { 'content-type': 'application/json' }).end(toJson(reply));
    }, () => req.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const releaseHanging = () => {
    for (const res of hanging) res.socket?.destroy();
    hanging.clear();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    setOutage(next) {
      outage = next;
      if (next !== 'hang') releaseHanging();
    },
    async close() {
      if (!server.listening) return;
      releaseHanging();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

interface ParsedRequest {
  id: unknown;
  method?: string;
  params: readonly unknown[];
  error?: JsonRpcError;
}

function parseRequest(body: string): ParsedRequest {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { id: null, params: [], error: new JsonRpcError(-32700, 'Parse error') };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { id: null, params: [], error: new JsonRpcError(-32600, 'Invalid request') };
  }
  const { id = null, method, params = [] } = json as { id?: unknown; method?: unknown; params?: unknown };
  if (typeof method !== 'string' || !Array.isArray(params)) {
    return { id, params: [], error: new JsonRpcError(-32600, 'Invalid request') };
  }
  return { id, method, params };
}

function answer(handlers: Readonly<Record<string, RpcHandler>>, request: ParsedRequest): unknown {
  const { id, method } = request;
  try {
    if (request.error) throw request.error;
    const handler = method === undefined ? undefined : handlers[method];
    if (!handler) throw new JsonRpcError(-32601, 'Method not found');
    return { jsonrpc: '2.0', id, result: handler(request.params) };
  } catch (thrown) {
    // A bug in a handler must show in the test output, not pass for a node that is down.
    if (!(thrown instanceof JsonRpcError)) console.error(`local RPC: ${method ?? '?'} threw`, thrown);
    const error = thrown instanceof JsonRpcError ? thrown : new JsonRpcError(-32603, `Internal error: ${String(thrown)}`);
    const data = error.data === undefined ? {} : { data: error.data };
    return { jsonrpc: '2.0', id, error: { code: error.code, message: error.message, ...data } };
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const BIGINT_MARK = '@@bigint@@';

/** Like JSON.stringify, but bigints become bare integers (u64 values exceed 2^53, as on a real node). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${BIGINT_MARK}${v}` : v)).replace(
    new RegExp(`"${BIGINT_MARK}(-?\\d+)"`, 'g'),
    '$1',
  );
}
