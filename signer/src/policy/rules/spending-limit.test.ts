import { type Policy, PolicyRule, SpendingLimitRule } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { downgradeWithoutOwner, evaluatePolicy } from '../evaluate-policy.js';
import type { PolicyContext } from '../policy-context.js';
import { spendOf } from '../spend-of.js';
import type { Price } from '../../price/price-source.js';

const TOKEN = '0xabc0000000000000000000000000000000000001';
const ETH = 10n ** 18n;

const policy = (rule: Record<string, unknown>): Policy => ({
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  scope: 'wallet',
  walletId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
  sessionId: null,
  rule: PolicyRule.parse({ type: 'SPENDING_LIMIT', ...(rule.type ? {} : { delaySeconds: 600 }), ...rule }),
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

/** Generous unit thresholds, so only the USD thresholds decide: INSTANT ≤ $10, NOTIFY ≤ $100, DELAY ≤ $1000. */
const usdLimit = (extra: Record<string, unknown> = {}) =>
  policy({ asset: 'native', instantMax: (100n * ETH).toString(), notifyMax: (100n * ETH).toString(), delayMax: (100n * ETH).toString(), usdInstantMax: '10.00', usdNotifyMax: '100.00', usdDelayMax: '1000.00', ...extra });

function ctx(call: PolicyContext['call'], prices: Record<string, string | undefined>): PolicyContext {
  const entries = Object.entries(prices).map(([asset, usd]): [string, Price | undefined] => [asset, usd === undefined ? undefined : { usd, at: 0, source: 'config' }]);
  return {
    call,
    chain: 'evm',
    exposure: spendOf(call, 'evm', { approvals: true }),
    norm: (a) => a.toLowerCase(),
    now: 0,
    history: { walletSpentSince: () => 0n, walletRequestsSince: () => 0, sessionSpentSince: () => 0n, sessionRequestsSince: () => 0, usdSpentSince: () => 0n },
    prices: new Map(entries),
  };
}

const transfer = (wei: bigint) => ({ type: 'TRANSFER' as const, to: '0x1', amount: wei.toString() });
const LABEL = '(wallet SPENDING_LIMIT for native)';

describe('SPENDING_LIMIT in USD', () => {
  // At $2000 per ETH, 0.005 ETH is exactly $10. Where both say INSTANT, the unit rule's reason is kept.
  it.each([
    [ETH / 1000n, 'INSTANT', `1000000000000000 ≤ instantMax 100000000000000000000 ${LABEL}`],
    [ETH / 200n, 'INSTANT', `5000000000000000 ≤ instantMax 100000000000000000000 ${LABEL}`],
    [ETH / 200n + 1n, 'NOTIFY', `$10.000000000000002 at $2000 (config) ≤ usdNotifyMax 100.00 ${LABEL}`],
    [ETH / 20n, 'NOTIFY', `$100.00 at $2000 (config) ≤ usdNotifyMax 100.00 ${LABEL}`],
    [ETH / 20n + 1n, 'DELAY', `$100.000000000000002 at $2000 (config) ≤ usdDelayMax 1000.00 ${LABEL}`],
    [ETH / 2n, 'DELAY', `$1000.00 at $2000 (config) ≤ usdDelayMax 1000.00 ${LABEL}`],
    [ETH / 2n + 1n, 'APPROVAL', `$1000.000000000000002 at $2000 (config) > usdDelayMax 1000.00 ${LABEL}`],
  ])('%s wei at 2000 USD per ETH → %s', (wei, tier, reason) => {
    expect(evaluatePolicy([usdLimit()], ctx(transfer(wei), { native: '2000' }))).toMatchObject({ tier, reason });
  });

  it('the stricter of the unit tier and the USD tier wins, either way round', () => {
    const unitsStricter = usdLimit({ instantMax: '0', notifyMax: '0' });
    expect(evaluatePolicy([unitsStricter], ctx(transfer(1000n), { native: '2000' }))).toMatchObject({
      tier: 'DELAY',
      reason: `1000 ≤ delayMax 100000000000000000000 ${LABEL}`,
      delaySeconds: 600,
    });
    expect(evaluatePolicy([usdLimit()], ctx(transfer(ETH), { native: '2000' }))).toMatchObject({ tier: 'APPROVAL' });
    // Exactly at usdInstantMax the USD part says INSTANT, under a unit rule that says NOTIFY: NOTIFY.
    const both = usdLimit({ instantMax: '1', notifyMax: ETH.toString() });
    expect(evaluatePolicy([both], ctx(transfer(ETH / 200n), { native: '2000' })).tier).toBe('NOTIFY');
  });

  it('fails closed without a fresh price: APPROVAL, which becomes DELAY while no Owner exists', () => {
    for (const prices of [{ native: undefined }, {}]) {
      const decision = evaluatePolicy([usdLimit()], ctx(transfer(1n), prices));
      expect(decision).toEqual({ tier: 'APPROVAL', reason: `no fresh USD price for native ${LABEL}`, delaySeconds: 600 });
      expect(downgradeWithoutOwner(decision, false).reason).toBe(
        `no fresh USD price for native ${LABEL}; APPROVAL downgraded to DELAY: no Owner is registered`,
      );
    }
    const { prices: _, ...noPrices } = ctx(transfer(1n), {});
    expect(evaluatePolicy([usdLimit()], noPrices).tier).toBe('APPROVAL');
  });

  it('a limit without USD thresholds needs no price', () => {
    const unitsOnly = policy({ asset: 'native', instantMax: '10', notifyMax: '10', delayMax: '10' });
    expect(evaluatePolicy([unitsOnly], ctx(transfer(5n), {})).tier).toBe('INSTANT');
  });

  it('values a token with the decimals on its rule', () => {
    const rules = [
      policy({ type: 'ALLOWED_TOKENS', tokens: [TOKEN] } as never),
      policy({ asset: TOKEN, decimals: 6, instantMax: '10000000000', notifyMax: '10000000000', delayMax: '10000000000', usdInstantMax: '5', usdNotifyMax: '50', usdDelayMax: '500' }),
    ];
    const call = { type: 'TOKEN_TRANSFER' as const, token: TOKEN, to: '0x1', amount: '20000000' };
    expect(evaluatePolicy(rules, ctx(call, { [TOKEN]: '0.999' }))).toMatchObject({ tier: 'NOTIFY', reason: expect.stringContaining('$19.98 at $0.999 (config) ≤ usdNotifyMax 50') });
  });
});

describe('SpendingLimitRule with USD thresholds', () => {
  const base = { type: 'SPENDING_LIMIT', asset: 'native', instantMax: '1', notifyMax: '2', delayMax: '3' };
  const issues = (rule: Record<string, unknown>) => SpendingLimitRule.safeParse({ ...base, ...rule }).error?.issues.map((i) => i.message) ?? [];

  it('takes all three thresholds in ascending order, or none', () => {
    expect(issues({ usdInstantMax: '1', usdNotifyMax: '2.5', usdDelayMax: '30.00' })).toEqual([]);
    expect(issues({ usdInstantMax: '1' })).toEqual(['USD thresholds go together: usdInstantMax, usdNotifyMax and usdDelayMax']);
    expect(issues({ usdInstantMax: '3', usdNotifyMax: '2', usdDelayMax: '1' })).toEqual(['USD thresholds must be usdInstantMax ≤ usdNotifyMax ≤ usdDelayMax']);
    expect(issues({ usdInstantMax: '1e3', usdNotifyMax: '2', usdDelayMax: '3' })).toEqual(['must be a USD amount such as "25.00"']);
  });

  it('needs decimals for a token with USD thresholds, and refuses them for the native asset', () => {
    const usd = { usdInstantMax: '1', usdNotifyMax: '2', usdDelayMax: '3' };
    expect(issues({ ...usd, asset: TOKEN })).toEqual(['a token with USD thresholds needs decimals']);
    expect(issues({ ...usd, asset: TOKEN, decimals: 6 })).toEqual([]);
    expect(issues({ decimals: 9 })).toEqual(['decimals is for tokens; native decimals are known (SOL 9, ETH 18)']);
  });
});
