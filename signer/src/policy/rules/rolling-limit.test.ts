import { isWaiaasError, type PolicyRule } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import type { PolicyContext, ScopedRule } from '../policy-context.js';
import { spendOf } from '../spend-of.js';
import { rollingLimit } from './rolling-limit.js';

const NOW = Date.parse('2026-01-31T12:00:00Z');
const TOKEN = '0xAbCdEf0000000000000000000000000000000001';

const rule = (asset: string, window: '24h' | '7d' | '30d', max: string, scope: 'global' | 'wallet' = 'wallet') =>
  ({ scope, rule: { type: 'ROLLING_LIMIT', asset, window, max } satisfies PolicyRule }) as ScopedRule<'ROLLING_LIMIT'>;

/** A context whose history reports `used` and remembers which asset and moment it was asked about. */
function ctx(call: PolicyContext['call'], used: bigint, asked: { asset?: string; since?: number } = {}): PolicyContext {
  return {
    call,
    chain: 'evm',
    exposure: spendOf(call, 'evm', { approvals: true }),
    norm: (a) => a.toLowerCase(),
    now: NOW,
    history: {
      walletSpentSince: (asset, since) => {
        Object.assign(asked, { asset, since });
        return used;
      },
      walletRequestsSince: () => 0,
    },
  };
}

const transfer = (amount: string) => ({ type: 'TRANSFER' as const, to: '0x00000000000000000000000000000000000b0d9e', amount });
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (isWaiaasError(error)) return { code: error.code, message: error.message, context: error.context };
    throw error;
  }
  return null;
};

describe('rollingLimit', () => {
  it.each([
    ['below the cap', 600n, '300', null],
    ['exactly at the cap', 700n, '300', null],
    ['one above the cap', 701n, '300', '1000'],
  ])('%s: used %s + %s against max 1000', (_label, used, amount, refusedMax) => {
    const result = refusal(() => rollingLimit([rule('native', '24h', '1000')], ctx(transfer(amount), used)));
    expect(result?.context).toEqual(refusedMax === null ? undefined : { asset: 'native', window: '24h', max: refusedMax, used: String(used), amount });
  });

  it('names what remains in its message', () => {
    expect(refusal(() => rollingLimit([rule('native', '7d', '1000')], ctx(transfer('500'), 800n)))).toEqual({
      code: 'POLICY__ROLLING_LIMIT_EXCEEDED',
      message:
        'This wallet may move at most 1000 of native per 7d and has 800 spent or reserved in that window, so 200 remains; the request for 500 would exceed it.',
      context: { asset: 'native', window: '7d', max: '1000', used: '800', amount: '500' },
    });
  });

  it.each([
    ['24h', 86_400_000],
    ['7d', 7 * 86_400_000],
    ['30d', 30 * 86_400_000],
  ] as const)('a %s window looks back %i ms', (window, ms) => {
    const asked: { since?: number } = {};
    rollingLimit([rule('native', window, '1000')], ctx(transfer('1'), 0n, asked));
    expect(asked.since).toBe(NOW - ms);
  });

  it('a request that moves none of the asset is not judged, even with the budget spent', () => {
    expect(rollingLimit([rule(TOKEN, '24h', '0')], ctx(transfer('5'), 10n))).toBeNull();
  });

  it('an approval does not count: it moves nothing now and is never reserved', () => {
    const approve = { type: 'APPROVE' as const, token: TOKEN, spender: '0x00000000000000000000000000000000000b0d9e', amount: '999' };
    expect(rollingLimit([rule(TOKEN, '24h', '1')], ctx(approve, 0n))).toBeNull();
  });

  it('token addresses compare without case on EVM, and the history is asked for the stored spelling', () => {
    const asked: { asset?: string } = {};
    const send = { type: 'TOKEN_TRANSFER' as const, token: TOKEN, to: '0x00000000000000000000000000000000000b0d9e', amount: '2' };
    expect(refusal(() => rollingLimit([rule(TOKEN.toUpperCase().replace('0X', '0x'), '24h', '1')], ctx(send, 0n, asked)))?.code).toBe(
      'POLICY__ROLLING_LIMIT_EXCEEDED',
    );
    expect(asked.asset).toBe(TOKEN.toLowerCase());
  });

  it('a global and a wallet rule both hold: the tighter one refuses', () => {
    const rules = [rule('native', '30d', '10000', 'wallet'), rule('native', '24h', '100', 'global')];
    expect(refusal(() => rollingLimit(rules, ctx(transfer('50'), 60n)))?.context).toMatchObject({ window: '24h', max: '100' });
  });
});
