import { type agent, ApproveCapRule, isWaiaasError } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import type { PolicyContext, ScopedRule } from '../policy-context.js';
import { approveCap } from './approve-cap.js';

const ctx = (call: agent.TransactionCall): PolicyContext => ({
  call,
  chain: 'evm',
  exposure: new Map(),
  norm: (a) => a.toLowerCase(),
  now: Date.parse('2026-01-01T12:00:00Z'),
  history: { walletSpentSince: () => 0n, walletRequestsSince: () => 0, sessionSpentSince: () => 0n, sessionRequestsSince: () => 0, usdSpentSince: () => 0n },
});
const cap = (max: string, token?: string, scope: 'global' | 'wallet' = 'wallet'): ScopedRule<'APPROVE_CAP'> => ({
  scope,
  rule: { type: 'APPROVE_CAP', max, ...(token ? { token } : {}) },
});
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (isWaiaasError(error, 'POLICY__APPROVE_CAP_EXCEEDED')) return { context: error.context, message: error.message };
    throw error;
  }
  return null;
};

const USDC = '0xA0B8000000000000000000000000000000000001';
const DAI = '0xda10000000000000000000000000000000000002';
const SPENDER = '0x5e00000000000000000000000000000000000003';
const approve = (token: string, amount: string): agent.BatchableCall => ({ type: 'APPROVE', token, spender: SPENDER, amount });

describe('approveCap', () => {
  it.each<[string, ScopedRule<'APPROVE_CAP'>[], agent.TransactionCall, string | null]>([
    ['below a cap on every token', [cap('100')], approve(USDC, '99'), null],
    ['at a cap on every token', [cap('100')], approve(USDC, '100'), null],
    ['above a cap on every token', [cap('100')], approve(USDC, '101'), '100'],
    ['above a cap on its token, spelled in another case', [cap('100', USDC.toLowerCase())], approve(USDC, '101'), '100'],
    ['above a cap on another token only', [cap('100', DAI)], approve(USDC, '1000'), null],
    ['within the token cap but above a global cap on every token', [cap('1000', USDC), cap('10', undefined, 'global')], approve(USDC, '11'), '10'],
    ['a transfer, which no approval cap concerns', [cap('0')], { type: 'TOKEN_TRANSFER', token: USDC, to: SPENDER, amount: '5' }, null],
    ['with no cap at all', [], approve(USDC, '1000000'), null],
  ])('%s', (_, rules, call, refusedMax) => {
    const r = refusal(() => approveCap(rules, ctx(call)));
    expect(r?.context.max ?? null).toBe(refusedMax);
  });

  it('refuses a batch with one approval above the cap, with token, cap and amount in the message', () => {
    const batch: agent.TransactionCall = { type: 'BATCH', calls: [approve(DAI, '5'), approve(USDC, '500'), approve(DAI, '6')] };
    const r = refusal(() => approveCap([cap('100')], ctx(batch)));
    expect(r?.context).toEqual({ token: USDC, max: '100', amount: '500' });
    expect(r?.message).toBe(`Approvals of ${USDC} are capped at 100; the request approves 500. The Owner can change it with "waiaas policy set approve-cap".`);
  });

  it('the schema wants a whole-number max; the token is optional', () => {
    expect(ApproveCapRule.safeParse({ type: 'APPROVE_CAP', max: '10' }).success).toBe(true);
    expect(ApproveCapRule.safeParse({ type: 'APPROVE_CAP', max: '1.5' }).success).toBe(false);
    expect(ApproveCapRule.safeParse({ type: 'APPROVE_CAP', token: '', max: '1' }).success).toBe(false);
  });
});
