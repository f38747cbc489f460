import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A quote the stand-in serves; `usd` is the number's JSON text, written as is ("152.35", "1.2e-7"). */
export interface StandInQuote {
  usd: string;
  /** Unix seconds. */
  lastUpdatedAt: number;
}

/** How the stand-in answers: with its quotes, or the way a failing provider does. */
export type StandInAnswer =
  | { kind: 'quotes' }
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'body'; body: string }
  | { kind: 'hang' };

export interface StandInPriceApi {
  /** Base URL, as `[prices] url` takes it. */
  url: string;
  /** Quotes by coin id ("solana") or "<platform>/<contract address>" ("ethereum/0xabc…"). */
  quotes: Map<string, StandInQuote>;
  answer: StandInAnswer;
  /** Every request that arrived: path with query, and the API key header if one was sent. */
  requests: { path: string; apiKey: string | undefined }[];
  stop(): Promise<void>;
}

/**
 * FOR TESTS ONLY (nothing in the daemon imports it): a local HTTP server that plays the public
 * CoinGecko API's /simple/price and /simple/token_price/{platform}, because tests cannot reach the
 * internet. Like the real API it leaves unlisted ids out, and includes last_updated_at only when
 * asked with include_last_updated_at=true.
 */
export async function startStandInPriceApi(): Promise<StandInPriceApi> {
  const api: Omit<StandInPriceApi, 'url' | 'stop'> = { quotes: new Map(), answer: { kind: 'quotes' }, requests: [] };
  const server = createServer((req, res) => respond(api, req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(api, {
    url: `http://127.0.0.1:${port}/api/v3`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

function respond(api: Omit<StandInPriceApi, 'url' | 'stop'>, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://stand-in');
  const key = req.headers['x-cg-demo-api-key'];
  api.requests.push({ path: url.pathname + url.search, apiKey: typeof key === 'string' ? key : undefined });
  const { answer } = api;
  if (answer.kind === 'hang') return;
  if (answer.kind === 'status') {
    res.writeHead(answer.status, answer.retryAfter ? { 'retry-after': answer.retryAfter } : {}).end('{"status":{"error_message":"stand-in failure"}}');
    return;
  }
  if (answer.kind === 'body') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(answer.body);
    return;
  }
  const token = /^\/api\/v3\/simple\/token_price\/([^/]+)$/.exec(url.pathname);
  const ids = url.searchParams.get(token ? 'contract_addresses' : 'ids');
  if ((!token && url.pathname !== '/api/v3/simple/price') || !ids || url.searchParams.get('vs_currencies') !== 'usd') {
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not Found"}');
    return;
  }
  const withTime = url.searchParams.get('include_last_updated_at') === 'true';
  const entries = ids.split(',').flatMap((id) => {
    const quote = api.quotes.get(token ? `${token[1]}/${id}` : id);
    if (!quote) return [];
    // The real API answers EVM contract addresses in lower case, whatever case was asked.
    const answeredId = token && id.startsWith('0x') ? id.toLowerCase() : id;
    return [`${JSON.stringify(answeredId)}:{"usd":${quote.usd}${withTime ? `,"last_updated_at":${quote.lastUpdatedAt}` : ''}}`];
  });
  res.writeHead(200, { 'content-type': 'application/json' }).end(`{${entries.join(',')}}`);
}
