import { z } from 'zod';
import { parseDuration } from './duration.js';
import { BUILTIN_NETWORKS, NetworkConfig, NetworkName } from './networks.js';

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
  /** [networks.<name>] tables; merged over the built-in public networks. */
  networks: z
    .record(NetworkName, NetworkConfig)
    .default({})
    .transform((custom) => ({ ...parseBuiltins(), ...custom })),
});

const parseBuiltins = () =>
  Object.fromEntries(Object.entries(BUILTIN_NETWORKS).map(([name, n]) => [name, NetworkConfig.parse(n)]));

export type Config = z.infer<typeof ConfigSchema>;
export type ConfigSection = keyof Config;
/** Sections whose keys map to WAIAAS_<SECTION>_<KEY>; networks are tables and are set in the file. */
export const FLAT_SECTIONS = ['daemon', 'session', 'security', 'pipeline'] as const;
