import { isWaiaasError, type Policy, type PolicyRule } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { downgradeWithoutOwner, evaluatePolicy } from './evaluate-policy.js';
import type { PolicyContext } from './policy-context.js';
import { spendOf } from './spend-of.js';

const policy = (rule: PolicyRule, scope: Policy['scope'] = 'wallet'): Policy => ({
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  scope,
  walletId: scope === 'global' ? null : '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
  sessionId: scope === 'session' ? '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d' : null,
  rule,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const limit = (asset: string, instantMax: string, notifyMax: string, delayMax: string, scope: Policy['scope'] = 'wallet') =>
  policy({ type: 'SPENDING_LIMIT', asset, instantMax, notifyMax, delayMax, delaySeconds: 900 }, scope);

function ctx(call: PolicyContext['call'], chain: PolicyContext['chain'] = 'solana'): PolicyContext {
  return {
    call,
    chain,
    exposure: spendOf(call, chain, { approvals: true }),
    norm: (a) => (chain === 'evm' ? a.toLowerCase() : a),
    now: Date.parse('2026-01-01T12:00:00Z'),
    history: { walletSpentSince: () => 0n, walletRequestsSince: () => 0, sessionSpentSince: () => 0n, sessionRequestsSince: () => 0, usdSpentSince: () => 0n },
  };
}

const transfer = (amount: string) => ({ type: 'TRANSFER' as const, to: 'Recipient111', amount });

describe('evaluatePolicy: SPENDING_LIMIT', () => {
  const rules = [limit('native', '100', '200', '300')];
  it.each([
    ['1', 'INSTANT', '1 ≤ instantMax 100 (wallet SPENDING_LIMIT for native)'],
    ['100', 'INSTANT', '100 ≤ instantMax 100 (wallet SPENDING_LIMIT for native)'],
    ['101', 'NOTIFY', '101 ≤ notifyMax 200 (wallet SPENDING_LIMIT for native)'],
    ['200', 'NOTIFY', '200 ≤ notifyMax 200 (wallet SPENDING_LIMIT for native)'],
    ['201', 'DELAY', '201 ≤ delayMax 300 (wallet SPENDING_LIMIT for native)'],
    ['300', 'DELAY', '300 ≤ delayMax 300 (wallet SPENDING_LIMIT for native)'],
    ['301', 'APPROVAL', '301 > delayMax 300 (wallet SPENDING_LIMIT for native)'],
  ])('%s lamports → %s', (amount, tier, reason) => {
    expect(evaluatePolicy(rules, ctx(transfer(amount)))).toMatchObject({ tier, reason });
  });

  it('the strictest of a global and a wallet rule wins', () => {
    const both = [limit('native', '100', '200', '300'), limit('native', '10', '20', '30', 'global')];
    expect(evaluatePolicy(both, ctx(transfer('50')))).toMatchObject({
      tier: 'APPROVAL',
      reason: '50 > delayMax 30 (global SPENDING_LIMIT for native)',
    });
  });

  it('with no spending limit for an asset the Owner decides', () => {
    expect(evaluatePolicy([], ctx(transfer('1')))).toMatchObject({ tier: 'APPROVAL', reason: 'no spending limit is set for native' });
  });

  it('a batch is judged on its total per asset', () => {
    const batch = { type: 'BATCH' as const, calls: [transfer('60'), transfer('60')] };
    expect(evaluatePolicy(rules, ctx(batch)).tier).toBe('NOTIFY');
  });
});

describe('evaluatePolicy: allowlists', () => {
  const tokenCall = { type: 'TOKEN_TRANSFER' as const, token: '0xAbC0000000000000000000000000000000000001', to: '0x1', amount: '5' };

  it('refuses a token no allowlist names, even with a spending limit for it', () => {
    const rules = [limit('native', '1', '1', '1'), limit('0xabc0000000000000000000000000000000000001', '10', '10', '10')];
    try {
      evaluatePolicy(rules, ctx(tokenCall, 'evm'));
      expect.unreachable();
    } catch (error) {
      expect(isWaiaasError(error, 'POLICY__TOKEN_NOT_ALLOWED')).toBe(true);
    }
  });

  it('matches EVM tokens without case and then applies the token limit', () => {
    const rules = [
      policy({ type: 'ALLOWED_TOKENS', tokens: ['0xabc0000000000000000000000000000000000001'] }),
      limit('0xabc0000000000000000000000000000000000001', '10', '10', '10'),
    ];
    expect(evaluatePolicy(rules, ctx(tokenCall, 'evm')).tier).toBe('INSTANT');
  });

  it('refuses a program call no allowlist names; allows a listed one that moves nothing', () => {
    const call = { type: 'CONTRACT_CALL' as const, to: 'Program1111', data: 'AA==', accounts: [] };
    expect(() => evaluatePolicy([], ctx(call))).toThrow('Calls to Program1111 are not on this wallet');
    const allowed = [policy({ type: 'ALLOWED_CONTRACTS', contracts: [{ address: 'Program1111' }] })];
    expect(evaluatePolicy(allowed, ctx(call))).toMatchObject({ tier: 'INSTANT', reason: 'nothing is spent' });
  });
});

describe('downgradeWithoutOwner', () => {
  it('turns APPROVAL into DELAY and says so; leaves other tiers alone', () => {
    const approval = { tier: 'APPROVAL' as const, reason: 'r', delaySeconds: 600 };
    expect(downgradeWithoutOwner(approval, false)).toEqual({
      tier: 'DELAY',
      reason: 'r; APPROVAL downgraded to DELAY: no Owner is registered',
      delaySeconds: 600,
    });
    expect(downgradeWithoutOwner(approval, true)).toBe(approval);
  });
});
