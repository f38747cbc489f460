import { request } from 'node:http';

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: unknown;
}

export type Target = { socketPath: string } | { host: string; port: number };

/** A raw HTTP request, headers exactly as given: tests need to send what a hostile client would. */
export function httpRequest(
  target: Target,
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: string | Buffer; token?: string } = {},
): Promise<HttpResponse> {
  const headers: Record<string, string> = { host: 'localhost', ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  return new Promise((resolve, reject) => {
    const req = request({ ...target, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body });
      });
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** The error code of a `{ error: { code } }` body, for short assertions. */
export const errorCode = (res: HttpResponse) =>
  (res.body as { error?: { code?: string } } | undefined)?.error?.code;
