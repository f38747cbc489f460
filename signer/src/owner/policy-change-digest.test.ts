import { owner } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { canonicalJson, policyChangeDigest } from './policy-change-digest.js';

const change = owner.PolicyChange.parse({
  set: {
    wallet: 'bot',
    rule: { type: 'SPENDING_LIMIT', asset: 'native', instantMax: '100', notifyMax: '200', delayMax: '300', delaySeconds: 600 },
  },
});

describe('policyChangeDigest', () => {
  it('is the SHA-256 of the canonical JSON: sorted keys, no whitespace', () => {
    expect(canonicalJson(change)).toBe(
      '{"set":{"rule":{"asset":"native","delayMax":"300","delaySeconds":600,"instantMax":"100","notifyMax":"200","type":"SPENDING_LIMIT"},"wallet":"bot"}}',
    );
    expect(policyChangeDigest(owner.PolicyChange.parse({ remove: '0190f5c2-7a8b-7c3d-9e4f-a1b2c3d4e5f6' }))).toBe(
      // sha256sum of the text {"remove":"0190f5c2-7a8b-7c3d-9e4f-a1b2c3d4e5f6"}, computed outside this code
      '81a1ed3d4efb4c888dc2997308e3037d767725da77a922c10f88bddac10cd68c',
    );
  });

  it('does not depend on the order of keys', () => {
    const reordered = owner.PolicyChange.parse({
      set: {
        rule: { delaySeconds: 600, delayMax: '300', notifyMax: '200', instantMax: '100', asset: 'native', type: 'SPENDING_LIMIT' },
        wallet: 'bot',
      },
    });
    expect(policyChangeDigest(reordered)).toBe(policyChangeDigest(change));
  });

  it('changes with any value: an amount, the delay, the scope, the kind of change', () => {
    const base = policyChangeDigest(change);
    const variants = [
      { set: { wallet: 'bot', rule: { type: 'SPENDING_LIMIT', asset: 'native', instantMax: '101', notifyMax: '200', delayMax: '300', delaySeconds: 600 } } },
      { set: { wallet: 'bot', rule: { type: 'SPENDING_LIMIT', asset: 'native', instantMax: '100', notifyMax: '200', delayMax: '300', delaySeconds: 601 } } },
      { set: { wallet: 'bot2', rule: { type: 'SPENDING_LIMIT', asset: 'native', instantMax: '100', notifyMax: '200', delayMax: '300', delaySeconds: 600 } } },
      { set: { rule: { type: 'SPENDING_LIMIT', asset: 'native', instantMax: '100', notifyMax: '200', delayMax: '300', delaySeconds: 600 } } },
      { remove: '0190f5c2-7a8b-7c3d-9e4f-a1b2c3d4e5f6' },
    ].map((v) => policyChangeDigest(owner.PolicyChange.parse(v)));
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
  });

  it('keeps the order of arrays, which a rule may depend on', () => {
    const tokens = (list: string[]) => policyChangeDigest(owner.PolicyChange.parse({ set: { rule: { type: 'ALLOWED_TOKENS', tokens: list } } }));
    expect(tokens(['a', 'b'])).not.toBe(tokens(['b', 'a']));
  });
});
