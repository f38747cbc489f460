import { createSecretKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type ChainedFields, encodeEntry, entryHash, GENESIS_HASH } from './audit-chain.js';
import { KEY } from './audit-fixture.js';

const FIRST: ChainedFields = {
  prev_hash: GENESIS_HASH,
  seq: 1,
  at: Date.parse('2026-01-01T00:00:00Z'),
  actor: 'master',
  action: 'home.init',
  wallet_id: null,
  session_id: null,
  details: '{}',
};

const text = (s: string) => {
  const bytes = Buffer.from(s, 'utf8');
  return Buffer.concat([Buffer.of(1), Buffer.from(bytes.length.toString(16).padStart(8, '0'), 'hex'), bytes]);
};
const int = (n: number) => Buffer.concat([Buffer.of(2), Buffer.from(n.toString(16).padStart(16, '0'), 'hex')]);

describe('the audit chain format (v1)', () => {
  it('starts from a genesis value of 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  it('encodes each field as a tag and a value: TEXT with a uint32 length, INTEGER as int64, NULL as a lone tag', () => {
    const expected = Buffer.concat([
      text(GENESIS_HASH),
      int(1),
      int(FIRST.at),
      text('master'),
      text('home.init'),
      Buffer.of(0),
      Buffer.of(0),
      text('{}'),
    ]);
    expect(encodeEntry(FIRST).equals(expected)).toBe(true);
  });

  it('is HMAC-SHA256 under the audit key, in lowercase hex (pinned: a change would break every stored chain)', () => {
    expect(entryHash(KEY, FIRST)).toBe('e7945fbc5cbab2e6aebf9c4b3d2f4134a4302ade1560df1f6845d062e8c91e46');
    expect(entryHash(createSecretKey(Buffer.alloc(32, 8)), FIRST)).not.toBe(entryHash(KEY, FIRST));
  });

  it('changes with every field, and cannot be shifted across field boundaries', () => {
    const variants: Partial<ChainedFields>[] = [
      { prev_hash: 'f'.repeat(64) },
      { seq: 2 },
      { at: FIRST.at + 1 },
      { actor: 'system' },
      { action: 'home.init ' },
      { wallet_id: '' },
      { session_id: '' },
      { details: '{"a":1}' },
      // The same characters split differently between two fields.
      { actor: 'masterhome.init', action: '' },
      { actor: 'maste', action: 'rhome.init' },
    ];
    const hashes = new Set([entryHash(KEY, FIRST), ...variants.map((v) => entryHash(KEY, { ...FIRST, ...v }))]);
    expect(hashes.size).toBe(variants.length + 1);
  });

  it('refuses integers it cannot encode exactly', () => {
    expect(() => encodeEntry({ ...FIRST, at: 1.5 })).toThrow('audit chain integers must be safe integers, not 1.5');
  });
});
