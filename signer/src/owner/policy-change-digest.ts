import { createHash } from 'node:crypto';
import type { owner } from '@waiaas/protocol';

/**
 * JSON with object keys sorted (by code unit, not locale) and no whitespace: two encodings of the
 * same change give the same text, so the device may send its keys in any order. Absent fields are
 * left out, as JSON.stringify does; array order is kept, since it can matter.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * What the Owner's signature over a policy change binds: SHA-256 (hex) of the change's canonical
 * JSON, after the protocol schema has parsed it (defaults filled in), so any change of any value
 * gives another digest and a signature for one change verifies for no other.
 */
export function policyChangeDigest(change: owner.PolicyChange): string {
  return createHash('sha256').update(canonicalJson(change), 'utf8').digest('hex');
}
