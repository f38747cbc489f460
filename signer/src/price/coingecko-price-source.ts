import type { Chain } from '@waiaas/protocol';
import type { Logger } from '../log/logger.js';
import { createBackoff } from './backoff.js';
import { parseQuotes } from './coingecko-response.js';
import { fetchPriceJson } from './fetch-price-json.js';
import { createPriceCache, type Lookup } from './price-cache.js';
import { type PriceSource, priceKey } from './price-source.js';
import { usdFromJsonNumber } from './usd-from-json-number.js';

export interface CoinGeckoOptions {
  /** Base URL of a CoinGecko-compatible API, e.g. https://api.coingecko.com/api/v3. */
  url: string;
  /** Sent as x-cg-demo-api-key; a secret: never logged, never in an error. */
  apiKey?: string;
  timeoutMs: number;
  cacheTtlMs: number;
  /** Coin id of each chain family's native asset ("solana", "ethereum"). */
  coins: Record<Chain, string>;
  /** Asset platform of each chain family's tokens, for /simple/token_price/{platform}. */
  platforms: Record<Chain, string>;
  log: Logger;
  now: () => number;
  /** First wait after a failure; it doubles per consecutive failure up to backoffMaxMs. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

/** The source name stored in a policy reason: "$8.00 at $2000 (coingecko)". */
const SOURCE = 'coingecko';

/**
 * USD prices from a CoinGecko-compatible API: native assets by coin id (/simple/price), tokens by
 * contract address or mint (/simple/token_price/{platform}). A price's time is the provider's
 * `last_updated_at`, not when we fetched it, so a feed that stopped updating goes stale and its
 * prices unknown. Every failure is an unknown price (USD thresholds then fail closed), one warning
 * line, and a backoff before the provider is asked again.
 */
export function createCoinGeckoPriceSource(opts: CoinGeckoOptions): PriceSource {
  const cache = createPriceCache(opts.cacheTtlMs, opts.now);
  const backoff = createBackoff({ baseMs: opts.backoffBaseMs ?? 1000, maxMs: opts.backoffMaxMs ?? 300_000, now: opts.now });

  const lookup = async (chain: Chain, asset: string): Promise<Lookup> => {
    if (backoff.waitMs() > 0) return { kind: 'failed' };
    const { url, id } = quoteRequest(opts, chain, asset);
    const fetched = await fetchPriceJson(url, { apiKey: opts.apiKey, timeoutMs: opts.timeoutMs });
    const parsed = fetched.ok ? parseQuotes(fetched.body) : fetched;
    if (!parsed.ok) {
      const retryInMs = backoff.failed(fetched.ok ? undefined : fetched.retryAfterMs);
      opts.log.warn('USD price lookup failed; the price is unknown', { provider: SOURCE, chain, asset, problem: parsed.problem, retryInMs });
      return { kind: 'failed' };
    }
    backoff.succeeded();
    const quote = [...parsed.quotes].find(([key]) => normalise(chain, key) === id)?.[1];
    if (!quote) return { kind: 'unlisted' };
    const usd = usdFromJsonNumber(quote.usdText);
    if (usd === undefined) {
      opts.log.warn('USD price provider gave an unusable price; the price is unknown', { provider: SOURCE, chain, asset, usd: quote.usdText });
      return { kind: 'unlisted' };
    }
    return { kind: 'price', price: { usd, at: quote.at, source: SOURCE } };
  };

  return { price: (chain, asset) => cache.get(priceKey(chain, asset), () => lookup(chain, asset)) };
}

/** The URL that prices `asset`, and the key its quote has in the answer. */
function quoteRequest(opts: CoinGeckoOptions, chain: Chain, asset: string): { url: URL; id: string } {
  const base = opts.url.replace(/\/+$/, '');
  const native = asset === 'native';
  const id = native ? opts.coins[chain] : normalise(chain, asset);
  const url = new URL(native ? `${base}/simple/price` : `${base}/simple/token_price/${encodeURIComponent(opts.platforms[chain])}`);
  url.searchParams.set(native ? 'ids' : 'contract_addresses', id);
  url.searchParams.set('vs_currencies', 'usd');
  url.searchParams.set('include_last_updated_at', 'true');
  return { url, id };
}

/** EVM addresses compare without case (the API answers in lower case); Solana mints are case-sensitive. */
function normalise(chain: Chain, address: string): string {
  return chain === 'evm' ? address.toLowerCase() : address;
}
