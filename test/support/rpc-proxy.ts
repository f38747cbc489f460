import { createServer, request } from 'node:http';

export interface RpcProxy {
  url: string;
  /** JSON-RPC methods answered with HTTP 503 until unblocked; '*' blocks everything. */
  block(...methods: string[]): void;
  unblock(): void;
  /** How many calls of each method reached the node. */
  calls: Map<string, number>;
  stop(): Promise<void>;
}

/**
 * A JSON-RPC proxy in front of a local chain that can make chosen methods fail the way an
 * unreachable node does. Lets a test stop a transaction exactly between two pipeline stages.
 */
export function startRpcProxy(target: string): Promise<RpcProxy> {
  const upstream = new URL(target);
  const blocked = new Set<string>();
  const calls = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const methods = methodsOf(body);
      if (methods.some((m) => blocked.has(m) || blocked.has('*'))) {
        res.writeHead(503, { 'content-type': 'text/plain' }).end('node unavailable (test proxy)');
        return;
      }
      for (const m of methods) calls.set(m, (calls.get(m) ?? 0) + 1);
      const forward = request(
        { host: upstream.hostname, port: upstream.port, path: upstream.pathname, method: 'POST', headers: { 'content-type': 'application/json' } },
        (up) => {
          res.writeHead(up.statusCode ?? 502, { 'content-type': up.headers['content-type'] ?? 'application/json' });
          up.pipe(res);
        },
      );
      forward.on('error', () => res.writeHead(502).end());
      forward.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        block: (...methods) => methods.forEach((m) => blocked.add(m)),
        unblock: () => blocked.clear(),
        calls,
        stop: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function methodsOf(body: Buffer): string[] {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    const list = Array.isArray(parsed) ? parsed : [parsed];
    return list.map((m) => (m && typeof m === 'object' && 'method' in m ? String(m.method) : ''));
  } catch {
    return [];
  }
}
