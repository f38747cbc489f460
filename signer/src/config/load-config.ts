import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { WaiaasError } from '@waiaas/protocol';
import { parse as parseToml } from 'smol-toml';
import { type Config, ConfigSchema, FLAT_SECTIONS, MIXED_SECTIONS, TABLE_KEYS } from './schema.js';

const ENV_PREFIX = 'WAIAAS_';
/** Variables that share the prefix but are not config keys. */
const NOT_CONFIG = new Set(['WAIAAS_HOME', 'WAIAAS_MASTER_PASSWORD', 'WAIAAS_MASTER_PASSWORD_FILE']);

/**
 * Reads config.toml and applies WAIAAS_<SECTION>_<KEY> overrides. An override for a section that
 * exists but a key that does not is an error: a typo must not silently leave a default in place.
 */
export function loadConfig(path: string, env: NodeJS.ProcessEnv = process.env): Config {
  let raw: Record<string, unknown>;
  try {
    raw = parseToml(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] ?? 'unreadable' : 'unreadable';
    throw new WaiaasError('CONFIG__INVALID', { source: path, issues: [reason] });
  }
  return parseConfig(applyEnv(raw, env), `${path} and WAIAAS_* variables`);
}

export function parseConfig(raw: Record<string, unknown>, source: string): Config {
  const result = ConfigSchema.safeParse(raw);
  if (!result.success) {
    throw new WaiaasError('CONFIG__INVALID', {
      source,
      issues: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    });
  }
  assertLoopback(result.data.daemon.hostname);
  return result.data;
}

function applyEnv(raw: Record<string, unknown>, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const sections: readonly string[] = [...FLAT_SECTIONS, ...MIXED_SECTIONS];
  const merged: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of Object.entries(raw)) merged[key] = { ...(value as Record<string, unknown>) };
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(ENV_PREFIX) || NOT_CONFIG.has(name) || value === undefined) continue;
    const rest = name.slice(ENV_PREFIX.length).toLowerCase();
    const section = sections.find((s) => rest.startsWith(`${s}_`));
    if (!section) continue;
    const key = rest.slice(section.length + 1);
    const shape = ConfigSchema.shape[section as (typeof FLAT_SECTIONS | typeof MIXED_SECTIONS)[number]].unwrap().shape;
    if (TABLE_KEYS[section]?.includes(key)) {
      throw new WaiaasError('CONFIG__INVALID', { source: name, issues: [`${section}.${key} is a table; set it in config.toml`] });
    }
    if (!Object.hasOwn(shape, key)) {
      throw new WaiaasError('CONFIG__INVALID', { source: name, issues: [`${section} has no key "${key}"`] });
    }
    merged[section] = { ...merged[section], [key]: value };
  }
  return merged;
}

/** The signer never listens beyond this machine. */
function assertLoopback(hostname: string): void {
  const loopback =
    hostname === 'localhost' || hostname === '::1' || (isIP(hostname) === 4 && hostname.startsWith('127.'));
  if (!loopback) throw new WaiaasError('CONFIG__NOT_LOOPBACK', { hostname });
}
