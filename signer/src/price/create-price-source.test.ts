import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load-config.js';
import { createLogger } from '../log/logger.js';
import { createPriceSource } from './create-price-source.js';
import { type StandInPriceApi, startStandInPriceApi } from './stand-in-price-api.js';

const T0 = Date.parse('2026-11-21T00:00:00Z');
const quiet = createLogger('error', () => undefined);

describe('the price source [prices] configures (stands in for the public price API)', () => {
  let api: StandInPriceApi;
  const sourceFrom = (prices: Record<string, unknown>) =>
    createPriceSource(parseConfig({ prices }, 'test').prices, { startedAt: T0, now: () => T0, log: quiet });

  beforeAll(async () => {
    api = await startStandInPriceApi();
  });
  afterAll(() => api.stop());
  beforeEach(() => {
    api.requests.length = 0;
    api.quotes.clear();
    api.quotes.set('ethereum', { usd: '3000', lastUpdatedAt: T0 / 1000 });
    api.quotes.set('base-eth', { usd: '3001', lastUpdatedAt: T0 / 1000 });
  });

  it('defaults to the fixed table alone, which never touches the network', async () => {
    const config = parseConfig({}, 'test').prices;
    expect(config).toMatchObject({
      provider: 'fixed',
      url: 'https://api.coingecko.com/api/v3',
      timeout: 3,
      cache_ttl: 60,
      coins: { solana: 'solana', evm: 'ethereum' },
      platforms: { solana: 'solana', evm: 'ethereum' },
    });
    expect(config.api_key).toBeUndefined();
    expect(await sourceFrom({ url: api.url }).price('evm', 'native')).toBeUndefined();
    expect(api.requests).toEqual([]);
  });

  it('with provider = "coingecko" asks the configured URL, with the configured coin id and key', async () => {
    const source = sourceFrom({ provider: 'coingecko', url: api.url, api_key: 'k-123', timeout: '2s', cache_ttl: '1m', coins: { evm: 'base-eth' } });
    expect(await source.price('evm', 'native')).toEqual({ usd: '3001', at: T0, source: 'coingecko' });
    expect(api.requests).toEqual([{ path: '/api/v3/simple/price?ids=base-eth&vs_currencies=usd&include_last_updated_at=true', apiKey: 'k-123' }]);
  });

  it('a [prices.fixed] entry wins over the network for its asset, even once stale', async () => {
    const source = sourceFrom({ provider: 'coingecko', url: api.url, fixed: { 'evm:native': { usd: '1', at: '2020-01-01T00:00:00Z' } } });
    expect(await source.price('evm', 'native')).toEqual({ usd: '1', at: Date.parse('2020-01-01T00:00:00Z'), source: 'config' });
    expect(api.requests).toEqual([]);
  });

  it('refuses a provider it does not know, a URL with credentials, and a malformed coin id', () => {
    const parse = (prices: Record<string, unknown>) => () => parseConfig({ prices }, 'test');
    expect(parse({ provider: 'pyth' })).toThrow('prices.provider: Invalid option: expected one of "fixed"|"coingecko"');
    expect(parse({ url: 'https://me:secret@example.com/api/v3' })).toThrow('prices.url: put no credentials in the URL; use api_key');
    expect(parse({ platforms: { evm: 'Base Mainnet' } })).toThrow('prices.platforms.evm: use a CoinGecko id such as "ethereum" or "base"');
  });
});
