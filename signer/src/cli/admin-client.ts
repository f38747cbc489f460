import { request } from 'node:http';
import { ErrorResponse, type RouteContract, WaiaasError, adminRoutes } from '@waiaas/protocol';
import type { z } from 'zod';

export interface SocketResponse {
  status: number;
  body: unknown;
}

/** One HTTP request over the signer's unix socket. */
export function socketRequest(
  socketPath: string,
  method: string,
  path: string,
  opts: { body?: unknown; token?: string } = {},
): Promise<SocketResponse> {
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        socketPath,
        method,
        path,
        headers: {
          host: 'localhost',
          ...(payload && { 'content-type': 'application/json' }),
          ...(opts.token && { authorization: `Bearer ${opts.token}` }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // leave as text
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new WaiaasError('DAEMON__UNREACHABLE', {
          socket: socketPath,
          reason: error.code === 'ENOENT' || error.code === 'ECONNREFUSED' ? 'the signer is not running' : error.message,
        }),
      ),
    );
    req.end(payload);
  });
}

const fillPath = (path: string, params: Record<string, string>) =>
  path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));

/** The CLI's client for the admin API: logs in once with the master password, then calls routes. */
export class AdminClient {
  private constructor(
    private readonly socketPath: string,
    private readonly token: string,
  ) {}

  static async login(socketPath: string, password: Buffer): Promise<AdminClient> {
    const result = await call(socketPath, adminRoutes.auth, { body: { password: password.toString('utf8') } });
    return new AdminClient(socketPath, result.token);
  }

  call<R extends RouteContract>(
    route: R,
    input: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown } = {},
  ): Promise<z.output<R['response']>> {
    return call(this.socketPath, route, { ...input, token: this.token });
  }
}

async function call<R extends RouteContract>(
  socketPath: string,
  route: R,
  input: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown; token?: string },
): Promise<z.output<R['response']>> {
  const query = input.query && Object.keys(input.query).length ? `?${new URLSearchParams(input.query)}` : '';
  const path = fillPath(route.path, input.params ?? {}) + query;
  const res = await socketRequest(socketPath, route.method, path, { body: input.body, token: input.token });
  if (res.status >= 200 && res.status < 300) return route.response.parse(res.body) as z.output<R['response']>;
  const error = ErrorResponse.safeParse(res.body);
  if (error.success) throw WaiaasError.fromResponse(error.data, res.status);
  throw new WaiaasError('DAEMON__UNREACHABLE', { socket: socketPath, reason: `unexpected HTTP ${res.status}` });
}
