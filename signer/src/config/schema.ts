import { z } from 'zod';
import { parseDuration } from './duration.js';
import { BUILTIN_NETWORKS, NetworkConfig, NetworkName } from './networks.js';
import { UsdString } from '@waiaas/protocol';

const Duration = z
  .union([z.string(), z.number().int().positive()])
  .transform((value, ctx) => {
    const seconds = typeof value === 'number' ? value : parseDuration(value);
    if (seconds === undefined || seconds <= 0) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a duration like 90s, 15m, 1h or 7d` });
      return z.NEVER;
    }
    return seconds;
  });

/** "solana:native", "evm:native" or "<chain>:<token address / mint>". */
const PriceKey = z.string().regex(/^(solana|evm):[^:\s]{1,128}$/, 'use "<solana|evm>:<native|token address>"');

/** A TOML date-time or an ISO string, to ms epoch. */
const Instant = z.union([z.date(), z.string()]).transform((value, ctx) => {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: 'custom', message: `"${String(value)}" is not a date-time like 2026-11-21T00:00:00Z` });
    return z.NEVER;
  }
  return ms;
});

const FixedPrice = z.strictObject({ usd: UsdString, at: Instant.optional() });

/** A CoinGecko coin id or asset platform id: "solana", "ethereum", "base", "polygon-pos". */
const CoinGeckoId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'use a CoinGecko id such as "ethereum" or "base"');

/** An http(s) URL without credentials in it (a URL ends up in logs and errors; secrets go in their own keys). */
const NotifyUrl = z
  .url({ protocol: /^https?$/, message: 'use an http:// or https:// URL' })
  .refine((url) => !URL.canParse(url) || (!new URL(url).username && !new URL(url).password), 'put no credentials in the URL');

/**
 * config.toml. Sections are flat (no nesting) so that every key maps 1:1 to an environment
 * variable WAIAAS_<SECTION>_<KEY>. Durations are stored in seconds after parsing.
 */
export const ConfigSchema = z.strictObject({
  daemon: z
    .strictObject({
      hostname: z.string().default('127.0.0.1'),
      port: z.coerce.number().int().min(1).max(65_535).default(3100),
      log_level: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
      shutdown_timeout: Duration.default(30),
    })
    .prefault({}),
  session: z
    .strictObject({
      default_ttl: Duration.default(86_400),
      max_ttl: Duration.default(30 * 86_400),
      max_renewals: z.coerce.number().int().min(0).max(1000).default(30),
      absolute_lifetime: Duration.default(30 * 86_400),
    })
    .prefault({}),
  security: z
    .strictObject({
      admin_token_ttl: Duration.default(300),
      max_body_bytes: z.coerce.number().int().min(1024).max(1024 * 1024).default(64 * 1024),
    })
    .prefault({}),
  pipeline: z
    .strictObject({
      /** Transient failures (RPC down) are retried this many times, with backoff, before FAILED. */
      max_attempts: z.coerce.number().int().min(1).max(100).default(8),
      retry_base: Duration.default(1),
      /** How often submitted transactions are checked for confirmation. */
      confirm_interval: z.coerce.number().int().min(10).max(60_000).default(500),
    })
    .prefault({}),
  autostop: z
    .strictObject({
      /** Suspend a wallet whose last N transactions all failed (0 turns this off). */
      consecutive_failures: z.coerce.number().int().min(0).max(1000).default(5),
      /** Suspend a wallet whose agents request more than this within burst_window (0 turns this off). */
      burst_count: z.coerce.number().int().min(0).max(100_000).default(100),
      burst_window: Duration.default(60),
    })
    .prefault({}),
  owner: z
    .strictObject({
      /** An APPROVAL-tier transaction the Owner has not answered by then expires (its budget released). */
      approval_timeout: Duration.default(3600),
      /**
       * An approved transaction waits this long before the agent key signs it, so a rejection sent at
       * the same moment (from another device, or a second thought) still wins.
       */
      approval_settle: Duration.default(2),
    })
    .prefault({}),
  /**
   * Where approvals and kill-switch events also go while no paired device is connected. Both channels
   * are optional. The token and the secret are never logged nor put in an error.
   */
  notify: z
    .strictObject({
      /** A full ntfy topic URL, e.g. https://ntfy.sh/my-topic. */
      ntfy_url: NotifyUrl.optional(),
      /** Sent as a Bearer token to ntfy (access-controlled topics). */
      ntfy_token: z.string().min(1).optional(),
      webhook_url: NotifyUrl.optional(),
      /** HMAC-SHA256 key for the x-waiaas-signature header; required with webhook_url. */
      webhook_secret: z.string().min(16, 'use at least 16 characters').optional(),
      max_attempts: z.coerce.number().int().min(1).max(100).default(8),
      retry_base: Duration.default(5),
      /** Each request gives up after this long (connecting and answering alike). */
      timeout: Duration.default(10),
    })
    .superRefine((notify, ctx) => {
      if (notify.webhook_url && !notify.webhook_secret) {
        ctx.addIssue({ code: 'custom', path: ['webhook_secret'], message: 'required with webhook_url (the HMAC key receivers verify)' });
      }
      if (notify.ntfy_token && !notify.ntfy_url) ctx.addIssue({ code: 'custom', path: ['ntfy_token'], message: 'set ntfy_url too' });
    })
    .prefault({}),
  /** [networks.<name>] tables; merged over the built-in public networks. */
  networks: z
    .record(NetworkName, NetworkConfig)
    .default({})
    .transform((custom) => ({ ...parseBuiltins(), ...custom })),
  /** USD prices for USD policy thresholds; a price older than max_age is unknown (fails closed). */
  prices: z
    .strictObject({
      max_age: Duration.default(300),
      /** [prices.fixed]: "<chain>:<asset>" = { usd = "150.25", at = "2026-11-21T00:00:00Z" }; no at = daemon start. */
      fixed: z.record(PriceKey, FixedPrice).default({}),
      /** "fixed": only [prices.fixed]; "coingecko": [prices.fixed] first, then a CoinGecko-compatible API. */
      provider: z.enum(['fixed', 'coingecko']).default('fixed'),
      url: z
        .url({ protocol: /^https?$/ })
        .refine((url) => !URL.canParse(url) || (!new URL(url).username && !new URL(url).password), 'put no credentials in the URL; use api_key')
        .default('https://api.coingecko.com/api/v3'),
      /** Sent as x-cg-demo-api-key. A secret: never logged, never in an error. */
      api_key: z.string().min(1).optional(),
      timeout: Duration.default(3),
      /** How long an answer is reused before the provider is asked again. */
      cache_ttl: Duration.default(60),
      /** [prices.coins]: the coin id of each chain family's native asset. */
      coins: z.strictObject({ solana: CoinGeckoId.default('solana'), evm: CoinGeckoId.default('ethereum') }).prefault({}),
      /** [prices.platforms]: the asset platform whose /simple/token_price prices each family's tokens. */
      platforms: z.strictObject({ solana: CoinGeckoId.default('solana'), evm: CoinGeckoId.default('ethereum') }).prefault({}),
    })
    .prefault({}),
});

/** Sections with flat keys (WAIAAS_<SECTION>_<KEY>) beside a nested table, which is set in the file only. */
export const MIXED_SECTIONS = ['prices'] as const;
export const TABLE_KEYS: Record<string, readonly string[]> = { prices: ['fixed', 'coins', 'platforms'] };

const parseBuiltins = () =>
  Object.fromEntries(Object.entries(BUILTIN_NETWORKS).map(([name, n]) => [name, NetworkConfig.parse(n)]));

export type Config = z.infer<typeof ConfigSchema>;
export type ConfigSection = keyof Config;
/** Sections whose keys map to WAIAAS_<SECTION>_<KEY>; networks are tables and are set in the file. */
export const FLAT_SECTIONS = ['daemon', 'session', 'security', 'pipeline', 'autostop', 'owner', 'notify'] as const;
