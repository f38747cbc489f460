import { type Policy, PolicyRule, SpendingLimitRule } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { downgradeWithoutOwner, evaluatePolicy } from '../evaluate-policy.js';
import type { PolicyContext } from '../policy-context.js';
import { spendOf } from '../spend-of.js';

const limit = (scope: Policy['scope'], rule: Record<string, unknown>): Policy => ({
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  scope,
  walletId: scope === 'global' ? null : '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
  sessionId: null,
  rule: PolicyRule.parse({ type: 'SPENDING_LIMIT', asset: 'native', instantMax: '10', notifyMax: '20', delayMax: '30', ...rule }),
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const ctx = (wei: bigint): PolicyContext => {
  const call = { type: 'TRANSFER' as const, to: '0x1', amount: wei.toString() };
  return {
    call,
    chain: 'evm',
    exposure: spendOf(call, 'evm', { approvals: true }),
    norm: (a) => a.toLowerCase(),
    now: 0,
    history: { walletSpentSince: () => 0n, walletRequestsSince: () => 0, sessionSpentSince: () => 0n, sessionRequestsSince: () => 0, usdSpentSince: () => 0n },
    prices: new Map(),
  };
};

describe('SPENDING_LIMIT approvalSeconds: how long the approval it asks for stays open', () => {
  it('an APPROVAL verdict carries its rule\'s expiry; other tiers and rules without one carry none', () => {
    expect(evaluatePolicy([limit('wallet', { approvalSeconds: 1800 })], ctx(31n))).toMatchObject({ tier: 'APPROVAL', approvalSeconds: 1800 });
    expect(evaluatePolicy([limit('wallet', { approvalSeconds: 1800 })], ctx(30n))).not.toHaveProperty('approvalSeconds');
    expect(evaluatePolicy([limit('wallet', {})], ctx(31n))).not.toHaveProperty('approvalSeconds');
  });

  it('of several rules asking for the Owner, the shortest expiry wins, whichever rule gave the reason', () => {
    const rules = [limit('global', { approvalSeconds: 3600, delayMax: '40', notifyMax: '40', instantMax: '40' }), limit('wallet', { approvalSeconds: 600 })];
    // 50 > both delayMax: both ask; the wallet rule's 600 s is shorter than the global 3600 s.
    expect(evaluatePolicy(rules, ctx(50n))).toMatchObject({ tier: 'APPROVAL', approvalSeconds: 600 });
    expect(evaluatePolicy([...rules].reverse(), ctx(50n))).toMatchObject({ tier: 'APPROVAL', approvalSeconds: 600 });
    // 35: only the wallet rule asks, so only its expiry applies.
    const onlyGlobalExpiry = [limit('global', { approvalSeconds: 120 }), limit('wallet', { delayMax: '40', notifyMax: '40', instantMax: '40' })];
    expect(evaluatePolicy(onlyGlobalExpiry, ctx(35n))).toMatchObject({ tier: 'APPROVAL', approvalSeconds: 120 });
    expect(evaluatePolicy([limit('global', {}), limit('wallet', { approvalSeconds: 900 })], ctx(35n))).toMatchObject({ approvalSeconds: 900 });
  });

  it('the USD part failing closed asks with the same rule\'s expiry', () => {
    const usd = limit('wallet', { instantMax: '100', notifyMax: '100', delayMax: '100', usdInstantMax: '1', usdNotifyMax: '2', usdDelayMax: '3', approvalSeconds: 300 });
    expect(evaluatePolicy([usd], ctx(1n))).toMatchObject({ tier: 'APPROVAL', reason: expect.stringContaining('no fresh USD price'), approvalSeconds: 300 });
  });

  it('a downgrade to DELAY (no Owner) drops the expiry: there is no approval', () => {
    const decision = downgradeWithoutOwner(evaluatePolicy([limit('wallet', { approvalSeconds: 1800 })], ctx(31n)), false);
    expect(decision.tier).toBe('DELAY');
    expect(decision).not.toHaveProperty('approvalSeconds');
  });

  it('takes 1 minute to 7 days, in whole seconds', () => {
    const base = { type: 'SPENDING_LIMIT', asset: 'native', instantMax: '1', notifyMax: '2', delayMax: '3' };
    const ok = (approvalSeconds: number) => SpendingLimitRule.safeParse({ ...base, approvalSeconds }).success;
    expect([ok(60), ok(7 * 86_400), ok(59), ok(7 * 86_400 + 1), ok(90.5)]).toEqual([true, true, false, false, false]);
  });
});
