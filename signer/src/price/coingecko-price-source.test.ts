import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log/logger.js';
import { createCoinGeckoPriceSource } from './coingecko-price-source.js';
import { freshPrices } from './fresh-prices.js';
import { type StandInPriceApi, startStandInPriceApi } from './stand-in-price-api.js';

const T0 = Date.parse('2026-11-21T00:00:00Z');
const SECONDS = T0 / 1000;
const API_KEY = 'CG-demo-secret-4f9a';
const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const BONK = 'DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263';

describe('CoinGecko price source (stands in for the public price API)', () => {
  let api: StandInPriceApi;
  let clock: number;
  let lines: string[];
  const source = () =>
    createCoinGeckoPriceSource({
      url: `${api.url}/`,
      apiKey: API_KEY,
      timeoutMs: 300,
      cacheTtlMs: 60_000,
      coins: { solana: 'solana', evm: 'ethereum' },
      platforms: { solana: 'solana', evm: 'base' },
      log: createLogger('debug', (line) => lines.push(line)),
      now: () => clock,
    });

  beforeAll(async () => {
    api = await startStandInPriceApi();
  });
  afterAll(() => api.stop());
  beforeEach(() => {
    clock = T0;
    lines = [];
    api.requests.length = 0;
    api.answer = { kind: 'quotes' };
    api.quotes.clear();
    api.quotes.set('solana', { usd: '152.350000000000000001', lastUpdatedAt: SECONDS - 30 });
    api.quotes.set('ethereum', { usd: '3.0001e3', lastUpdatedAt: SECONDS - 10 });
    api.quotes.set(`base/${USDC.toLowerCase()}`, { usd: '0.99987', lastUpdatedAt: SECONDS - 5 });
    api.quotes.set(`solana/${BONK}`, { usd: '2.1e-5', lastUpdatedAt: SECONDS - 5 });
  });

  it('prices native assets by coin id and tokens by address on their platform, exactly, timed by last_updated_at', async () => {
    const prices = source();
    expect(await prices.price('solana', 'native')).toEqual({ usd: '152.350000000000000001', at: (SECONDS - 30) * 1000, source: 'coingecko' });
    expect(await prices.price('evm', 'native')).toEqual({ usd: '3000.1', at: (SECONDS - 10) * 1000, source: 'coingecko' });
    expect(await prices.price('evm', USDC)).toEqual({ usd: '0.99987', at: (SECONDS - 5) * 1000, source: 'coingecko' });
    expect(await prices.price('solana', BONK)).toMatchObject({ usd: '0.000021' });
    expect(api.requests).toEqual([
      { path: '/api/v3/simple/price?ids=solana&vs_currencies=usd&include_last_updated_at=true', apiKey: API_KEY },
      { path: '/api/v3/simple/price?ids=ethereum&vs_currencies=usd&include_last_updated_at=true', apiKey: API_KEY },
      { path: `/api/v3/simple/token_price/base?contract_addresses=${USDC.toLowerCase()}&vs_currencies=usd&include_last_updated_at=true`, apiKey: API_KEY },
      { path: `/api/v3/simple/token_price/solana?contract_addresses=${BONK}&vs_currencies=usd&include_last_updated_at=true`, apiKey: API_KEY },
    ]);
  });

  it('an asset the provider does not list is unknown, without a warning, and is not asked again within cache_ttl', async () => {
    const prices = source();
    const mint = 'So11111111111111111111111111111111111111112';
    expect(await prices.price('solana', mint)).toBeUndefined();
    expect(await prices.price('solana', mint)).toBeUndefined();
    expect(api.requests).toHaveLength(1);
    expect(lines).toEqual([]);
  });

  it('concurrent lookups of one asset share one request; the answer is reused until cache_ttl has passed', async () => {
    const prices = source();
    const burst = await Promise.all(Array.from({ length: 20 }, () => prices.price('evm', 'native')));
    expect(new Set(burst.map((p) => p?.usd))).toEqual(new Set(['3000.1']));
    expect(api.requests).toHaveLength(1);
    clock = T0 + 59_999;
    await prices.price('evm', 'native');
    expect(api.requests).toHaveLength(1);
    api.quotes.set('ethereum', { usd: '3100', lastUpdatedAt: SECONDS + 50 });
    clock = T0 + 60_000;
    expect(await prices.price('evm', 'native')).toMatchObject({ usd: '3100', at: (SECONDS + 50) * 1000 });
    expect(api.requests).toHaveLength(2);
  });

  it('a price the provider stopped updating is returned with its own time, so freshPrices calls it unknown', async () => {
    api.quotes.set('solana', { usd: '150', lastUpdatedAt: SECONDS - 3600 });
    const fresh = await freshPrices(source(), 300_000, 'solana', ['native'], T0);
    expect(fresh.get('native')).toBeUndefined();
    expect(api.requests).toHaveLength(1);
  });

  const failures: [string, StandInPriceApi['answer'], string][] = [
    ['HTTP 500', { kind: 'status', status: 500 }, 'HTTP 500'],
    ['HTTP 401', { kind: 'status', status: 401 }, 'HTTP 401'],
    ['malformed JSON', { kind: 'body', body: '{"ethereum":{"usd":30' }, 'the answer is not JSON'],
    ['a wrong shape', { kind: 'body', body: '{"ethereum":{"usd":3000}}' }, 'unexpected answer: ethereum.last_updated_at: Invalid input: expected string, received undefined'],
    ['a timeout', { kind: 'hang' }, 'no answer within 300 ms'],
  ];
  for (const [what, answer, problem] of failures) {
    it(`${what} makes the price unknown, logs one warning without the key, and backs off`, async () => {
      const prices = source();
      api.answer = answer;
      expect(await prices.price('evm', 'native')).toBeUndefined();
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0] ?? '')).toMatchObject({
        level: 'warn',
        message: 'USD price lookup failed; the price is unknown',
        provider: 'coingecko',
        chain: 'evm',
        asset: 'native',
        problem,
        retryInMs: 1000,
      });
      expect(lines.join('')).not.toContain(API_KEY);
      api.answer = { kind: 'quotes' };
      expect(await prices.price('evm', 'native')).toBeUndefined();
      expect(api.requests).toHaveLength(1);
      clock = T0 + 1000;
      expect(await prices.price('evm', 'native')).toMatchObject({ usd: '3000.1' });
      expect(api.requests).toHaveLength(2);
    });
  }

  it('backs off longer after each failure in a row, and for as long as a 429 Retry-After asks', async () => {
    const prices = source();
    api.answer = { kind: 'status', status: 503 };
    const waits: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await prices.price('evm', 'native');
      waits.push(Number(JSON.parse(lines.at(-1) ?? '{}').retryInMs));
      clock += waits.at(-1) ?? 0;
    }
    expect(waits).toEqual([1000, 2000, 4000]);
    api.answer = { kind: 'status', status: 429, retryAfter: '30' };
    expect(await prices.price('evm', 'native')).toBeUndefined();
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ problem: 'HTTP 429', retryInMs: 30_000 });
    api.answer = { kind: 'quotes' };
    clock += 29_999;
    expect(await prices.price('evm', 'native')).toBeUndefined();
    expect(api.requests).toHaveLength(4);
  });

  it('a provider that cannot be reached is unknown too, and the warning names no URL', async () => {
    const down = await startStandInPriceApi();
    await down.stop();
    const prices = createCoinGeckoPriceSource({
      url: down.url,
      timeoutMs: 1000,
      cacheTtlMs: 60_000,
      coins: { solana: 'solana', evm: 'ethereum' },
      platforms: { solana: 'solana', evm: 'ethereum' },
      log: createLogger('debug', (line) => lines.push(line)),
      now: () => clock,
    });
    expect(await prices.price('solana', 'native')).toBeUndefined();
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ problem: 'unreachable (ECONNREFUSED)' });
    expect(lines[0]).not.toContain(new URL(down.url).host);
  });

  it('a zero price is no price', async () => {
    api.quotes.set('solana', { usd: '0', lastUpdatedAt: SECONDS });
    expect(await source().price('solana', 'native')).toBeUndefined();
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ message: 'USD price provider gave an unusable price; the price is unknown', usd: '0' });
  });
});
