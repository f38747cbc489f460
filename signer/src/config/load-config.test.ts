import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isWaiaasError } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_TOML } from './default-config.js';
import { loadConfig } from './load-config.js';

function configFile(text: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'waiaas-config-')), 'config.toml');
  writeFileSync(path, text);
  return path;
}

describe('loadConfig', () => {
  it('reads the file init writes, durations in seconds, built-in networks included', () => {
    const config = loadConfig(configFile(DEFAULT_CONFIG_TOML), {});
    expect(config.daemon).toEqual({ hostname: '127.0.0.1', port: 3100, log_level: 'info', shutdown_timeout: 30 });
    expect(config.session.max_ttl).toBe(30 * 86_400);
    expect(Object.keys(config.networks).sort()).toEqual(['base', 'base-sepolia', 'ethereum-mainnet', 'sepolia', 'solana-devnet', 'solana-mainnet']);
  });

  it('adds networks from [networks.<name>] tables and lets one replace a built-in', () => {
    const path = configFile(`[networks.local]\nfamily = "evm"\nrpc_url = "http://127.0.0.1:8545"\nchain_id = 31337\n\n[networks.solana-devnet]\nfamily = "solana"\nrpc_url = "http://127.0.0.1:8899"\n`);
    const { networks } = loadConfig(path, {});
    expect(networks.local).toEqual({ family: 'evm', rpc_url: 'http://127.0.0.1:8545', chain_id: 31337 });
    expect(networks['solana-devnet']?.rpc_url).toBe('http://127.0.0.1:8899');
  });

  it('an evm network without chain_id is refused', () => {
    const path = configFile(`[networks.local]\nfamily = "evm"\nrpc_url = "http://127.0.0.1:8545"\n`);
    expect(() => loadConfig(path, {})).toThrow('networks.local: an evm network needs chain_id');
  });

  it('environment variables override file values', () => {
    const config = loadConfig(configFile('[daemon]\nport = 4000\n'), { WAIAAS_DAEMON_PORT: '4100', WAIAAS_SESSION_DEFAULT_TTL: '2h' });
    expect(config.daemon.port).toBe(4100);
    expect(config.session.default_ttl).toBe(7200);
  });

  it('reads [prices]: max_age in seconds, fixed prices with a date, or none (the daemon start)', () => {
    const path = configFile(
      '[prices]\nmax_age = "1h"\n\n[prices.fixed]\n"solana:native" = { usd = "150.25", at = "2026-11-21T00:00:00Z" }\n"evm:native" = { usd = "3000" }\n"evm:0xabc" = { usd = "1", at = 2026-11-21T00:00:00Z }\n',
    );
    const { prices } = loadConfig(path, {});
    const provider = { provider: 'fixed', url: 'https://api.coingecko.com/api/v3', timeout: 3, cache_ttl: 60, coins: { solana: 'solana', evm: 'ethereum' }, platforms: { solana: 'solana', evm: 'ethereum' } };
    expect(prices).toEqual({
      ...provider,
      max_age: 3600,
      fixed: {
        'solana:native': { usd: '150.25', at: Date.parse('2026-11-21T00:00:00Z') },
        'evm:native': { usd: '3000' },
        'evm:0xabc': { usd: '1', at: Date.parse('2026-11-21T00:00:00Z') },
      },
    });
    expect(loadConfig(configFile(''), {}).prices).toEqual({ ...provider, max_age: 300, fixed: {} });
  });

  it('refuses a price provider URL that is not a URL with a coded error, not a crash', () => {
    expect(() => loadConfig(configFile('[prices]\nurl = "not a url"\n'), {})).toThrow(expect.objectContaining({ code: 'CONFIG__INVALID' }));
  });

  it('prices.max_age has an environment override; the [prices.fixed] table does not', () => {
    expect(loadConfig(configFile(''), { WAIAAS_PRICES_MAX_AGE: '10m' }).prices.max_age).toBe(600);
    expect(() => loadConfig(configFile(''), { WAIAAS_PRICES_FIXED: 'x' })).toThrow('prices.fixed is a table; set it in config.toml');
  });

  it('a malformed price, key or date is refused', () => {
    for (const [line, issue] of [
      ['"solana:native" = { usd = "1e3" }', 'must be a USD amount such as "25.00"'],
      ['"btc:native" = { usd = "1" }', 'prices.fixed.btc:native: Invalid key in record'],
      ['"evm:native" = { usd = "1", at = "yesterday" }', '"yesterday" is not a date-time like 2026-11-21T00:00:00Z'],
    ] as const) {
      expect(() => loadConfig(configFile(`[prices.fixed]\n${line}\n`), {})).toThrow(issue);
    }
  });

  it('unknown keys, bad durations and broken TOML are coded errors', () => {
    for (const [text, issue] of [
      ['[daemon]\nprot = 1\n', 'daemon: Unrecognized key: "prot"'],
      ['[session]\ndefault_ttl = "soon"\n', 'session.default_ttl: "soon" is not a duration like 90s, 15m, 1h or 7d'],
      ['[daemon\n', ''],
    ] as const) {
      try {
        loadConfig(configFile(text), {});
        expect.unreachable();
      } catch (error) {
        expect(isWaiaasError(error, 'CONFIG__INVALID')).toBe(true);
        if (issue) expect((error as Error).message).toContain(issue);
      }
    }
  });
});
