import { isWaiaasError, type PolicyRule } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import type { PolicyContext, ScopedRule } from '../policy-context.js';
import { spendOf } from '../spend-of.js';
import { rollingLimit } from './rolling-limit.js';
import { parseUsd } from '../../price/usd-value.js';
import { usdMovedOf } from '../usd-moved.js';

const NOW = Date.parse('2026-01-31T12:00:00Z');
const TOKEN = '0xAbCdEf0000000000000000000000000000000001';

type Scope = 'global' | 'wallet' | 'session';
const rule = (asset: string, window: '24h' | '7d' | '30d', max: string, scope: Scope = 'wallet') =>
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
      sessionSpentSince: () => 0n,
      sessionRequestsSince: () => 0,
      usdSpentSince: () => 0n,
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

  it("a session rule counts the session's own spending, not the wallet's", () => {
    const c = ctx(transfer('50'), 1_000_000n);
    c.history.sessionSpentSince = () => 60n;
    expect(refusal(() => rollingLimit([rule('native', '24h', '100', 'session')], c))).toEqual({
      code: 'POLICY__ROLLING_LIMIT_EXCEEDED',
      message:
        'This session may move at most 100 of native per 24h and has 60 spent or reserved in that window, so 40 remains; the request for 50 would exceed it.',
      context: { asset: 'native', window: '24h', max: '100', used: '60', amount: '50', scope: 'session' },
    });
    c.history.sessionSpentSince = () => 50n;
    expect(rollingLimit([rule('native', '24h', '100', 'session')], c)).toBeNull();
  });
});

const usdRule = (usdMax: string, scope: Scope, window: '24h' | '7d' | '30d' = '24h') =>
  ({ scope, rule: { type: 'ROLLING_LIMIT', asset: 'usd', window, usdMax } satisfies PolicyRule }) as ScopedRule<'ROLLING_LIMIT'>;

/** An EVM context with ETH at `priceUsd` (undefined: no fresh price) and `usedUsd` already spent per scope. */
function usdCtx(call: PolicyContext['call'], priceUsd: string | undefined, usedUsd: Partial<Record<Scope, string>>, asked: Scope[] = []): PolicyContext {
  const prices = new Map([['native', priceUsd === undefined ? undefined : { usd: priceUsd, at: NOW, source: 'config' }]]);
  const base = ctx(call, 0n);
  return {
    ...base,
    prices,
    usdMoved: usdMovedOf(spendOf(call, 'evm'), 'evm', prices, () => undefined),
    history: {
      ...base.history,
      usdSpentSince: (scope) => {
        asked.push(scope);
        return parseUsd(usedUsd[scope] ?? '0') ?? 0n;
      },
    },
  };
}

const ETH = 10n ** 18n;

describe('rollingLimit in USD', () => {
  it.each([
    ['below the cap', '60', '30.00', null],
    ['exactly at the cap', '70', '30.00', null],
    ['a cent above the cap', '70.01', '30.00', '$70.01'],
  ])('%s: $%s used + 0.01 ETH at $3000 against $100', (_label, used, _amount, refusedUsed) => {
    const result = refusal(() => rollingLimit([usdRule('100', 'global')], usdCtx(transfer((ETH / 100n).toString()), '3000', { global: used })));
    expect(result?.message ?? null).toBe(
      refusedUsed === null
        ? null
        : `All wallets together may move at most $100 per 24h and have ${refusedUsed} spent or reserved in that window; the request, worth $30.00, would exceed it.`,
    );
  });

  it('each scope asks for its own USD history: global (all wallets), wallet, session', () => {
    const asked: Scope[] = [];
    const call = transfer(ETH.toString());
    const rules = [usdRule('1000000', 'global'), usdRule('1000000', 'wallet'), usdRule('1000000', 'session', '7d')];
    expect(rollingLimit(rules, usdCtx(call, '3000', {}, asked))).toBeNull();
    expect(asked).toEqual(['global', 'wallet', 'session']);
    expect(refusal(() => rollingLimit(rules, usdCtx(call, '3000', { session: '999000' })))).toMatchObject({
      code: 'POLICY__USD_ROLLING_LIMIT_EXCEEDED',
      context: { scope: 'session', window: '7d', usdMax: '1000000', usdUsed: '999000.00', usdAmount: '3000.00' },
    });
  });

  it('an unknown USD value fails closed: APPROVAL with a reason, never refused or let through', () => {
    expect(rollingLimit([usdRule('100', 'global')], usdCtx(transfer('1'), undefined, {}))).toEqual({
      tier: 'APPROVAL',
      reason: 'no USD value for native: no fresh price (global ROLLING_LIMIT of $100 per 24h)',
      delaySeconds: 900,
    });
    // Also with the budget already spent: unknown is not "small", but not proof of excess either.
    expect(rollingLimit([usdRule('100', 'wallet')], usdCtx(transfer('1'), undefined, { wallet: '500' }))?.tier).toBe('APPROVAL');
  });

  it('a context without a USD valuation counts as unknown', () => {
    const c = { ...usdCtx(transfer('1'), '3000', {}), usdMoved: undefined };
    expect(rollingLimit([usdRule('100', 'global')], c)?.tier).toBe('APPROVAL');
  });

  it('a request that moves nothing is not judged, even with the budget spent or no price', () => {
    const approve = { type: 'APPROVE' as const, token: TOKEN, spender: '0x00000000000000000000000000000000000b0d9e', amount: '999' };
    expect(rollingLimit([usdRule('1', 'global')], usdCtx(approve, undefined, { global: '5' }))).toBeNull();
  });

  it('a USD and an asset rule both hold: the asset cap refuses though the USD budget has room', () => {
    const rules = [usdRule('1000000', 'global'), rule('native', '24h', '10')];
    expect(refusal(() => rollingLimit(rules, usdCtx(transfer('11'), '3000', {})))?.code).toBe('POLICY__ROLLING_LIMIT_EXCEEDED');
  });
});
