export type FetchedJson = { ok: true; body: string } | { ok: false; problem: string; retryAfterMs?: number };

/** The header CoinGecko's demo (and compatible) APIs read the key from. */
const API_KEY_HEADER = 'x-cg-demo-api-key';

/**
 * GETs one price answer with global fetch, giving up after `timeoutMs` (connecting and reading the
 * body alike). Never throws: a failure is a problem in words that holds neither the key nor the URL
 * (a configured URL may carry credentials), so it can go straight into a log line.
 */
export async function fetchPriceJson(url: URL, opts: { apiKey?: string; timeoutMs: number }): Promise<FetchedJson> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.apiKey) headers[API_KEY_HEADER] = opts.apiKey;
  try {
    // A redirect would carry the key header to wherever it points; the price API does not redirect.
    const response = await fetch(url, { headers, redirect: 'error', signal: AbortSignal.timeout(opts.timeoutMs) });
    if (!response.ok) {
      await response.body?.cancel();
      const retryAfterMs = response.status === 429 ? retryAfter(response.headers.get('retry-after')) : undefined;
      return { ok: false, problem: `HTTP ${response.status}`, retryAfterMs };
    }
    return { ok: true, body: await response.text() };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') return { ok: false, problem: `no answer within ${opts.timeoutMs} ms` };
    return { ok: false, problem: `unreachable (${causeCode(error)})` };
  }
}

/** Retry-After in seconds (the form CoinGecko sends), in ms; anything else is ignored. */
function retryAfter(header: string | null): number | undefined {
  return header && /^[0-9]{1,6}$/.test(header.trim()) ? Number(header.trim()) * 1000 : undefined;
}

/** "ECONNREFUSED" and the like: the system error code, which says what went wrong and nothing secret. */
function causeCode(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? cause.code : undefined;
  return typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code) ? code : 'network error';
}
