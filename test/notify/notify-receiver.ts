import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  /** The exact body bytes as UTF-8, as a signature covers them. */
  body: string;
  /** What the receiver answered. */
  status: number;
}

/**
 * A local HTTP server standing in for ntfy and a webhook receiver (the public internet is not used
 * in tests). Every POST is recorded; it answers with the next status queued for that path and a body
 * it matches, else 200.
 */
export class NotifyReceiver {
  readonly requests: ReceivedRequest[] = [];
  private readonly plans: { path: string; match: (body: string) => boolean; statuses: number[] }[] = [];
  private constructor(private readonly server: Server, readonly port: number) {}

  static async start(): Promise<NotifyReceiver> {
    let receiver: NotifyReceiver | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        const body = Buffer.concat(chunks).toString('utf8');
        const plan = receiver?.plans.find((p) => p.path === path && p.statuses.length > 0 && p.match(body));
        const status = plan?.statuses.shift() ?? 200;
        receiver?.requests.push({ path, headers: req.headers, body, status });
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'try later');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (typeof address !== 'object' || address === null) throw new Error('receiver has no port');
    receiver = new NotifyReceiver(server, address.port);
    return receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** The next answers to requests on `path` whose body `match`es, in order (then 200 again). */
  answer(path: string, match: (body: string) => boolean, statuses: number[]): { cancel(): void } {
    const plan = { path, match, statuses: [...statuses] };
    this.plans.push(plan);
    return { cancel: () => void plan.statuses.splice(0) };
  }

  /** Waits until `match` holds for some request on `path`, and returns all such requests. */
  async waitFor(path: string, match: (request: ReceivedRequest) => boolean, opts: { count?: number; timeoutMs?: number } = {}): Promise<ReceivedRequest[]> {
    const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
    for (;;) {
      const found = this.requests.filter((r) => r.path === path && match(r));
      if (found.length >= (opts.count ?? 1)) return found;
      if (Date.now() > deadline) throw new Error(`no request to ${path} matched within the time; got ${JSON.stringify(this.requests.map((r) => [r.path, r.status, r.body.slice(0, 120)]))}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The first request on `path` for which `match` holds, waiting for it. */
  async first(path: string, match: (request: ReceivedRequest) => boolean, timeoutMs?: number): Promise<ReceivedRequest> {
    const [found] = await this.waitFor(path, match, { timeoutMs });
    if (!found) throw new Error(`no request to ${path}`);
    return found;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
