import { isWaiaasError, type PolicyRule } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import type { PolicyContext, ScopedRule } from '../policy-context.js';
import { rateLimit } from './rate-limit.js';

const NOW = Date.parse('2026-01-31T12:00:00Z');

const rule = (maxRequests: number, windowSeconds: number, scope: 'global' | 'wallet' | 'session' = 'wallet') =>
  ({ scope, rule: { type: 'RATE_LIMIT', maxRequests, windowSeconds } satisfies PolicyRule }) as ScopedRule<'RATE_LIMIT'>;

/** A history where the wallet made `requests` and the requesting session `sessionRequests`. */
function ctx(requests: number, asked: { since?: number } = {}, sessionRequests = 0): PolicyContext {
  const call = { type: 'TRANSFER' as const, to: 'Recipient111', amount: '1' };
  return {
    call,
    chain: 'solana',
    exposure: new Map([['native', 1n]]),
    norm: (a) => a,
    now: NOW,
    history: {
      walletSpentSince: () => 0n,
      walletRequestsSince: (since) => {
        asked.since = since;
        return requests;
      },
      sessionSpentSince: () => 0n,
      sessionRequestsSince: () => sessionRequests,
      usdSpentSince: () => 0n,
    },
  };
}

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (isWaiaasError(error)) return { code: error.code, message: error.message, context: error.context, status: error.status };
    throw error;
  }
  return null;
};

describe('rateLimit', () => {
  it.each([
    [0, false],
    [8, false],
    [9, false],
    [10, true],
    [11, true],
  ])('with %i requests already in the window, a limit of 10 refuses: %s', (requests, refused) => {
    expect(refusal(() => rateLimit([rule(10, 60)], ctx(requests))) !== null).toBe(refused);
  });

  it('refuses with 429 and says what the limit is', () => {
    expect(refusal(() => rateLimit([rule(1, 3600)], ctx(1)))).toEqual({
      code: 'POLICY__RATE_LIMITED',
      status: 429,
      message: 'This wallet may make at most 1 request per 3600 s and has made them.',
      context: { maxRequests: 1, windowSeconds: 3600 },
    });
  });

  it('counts the requests of the last windowSeconds', () => {
    const asked: { since?: number } = {};
    rateLimit([rule(5, 90)], ctx(0, asked));
    expect(asked.since).toBe(NOW - 90_000);
  });

  it('a global and a wallet rule both hold', () => {
    expect(refusal(() => rateLimit([rule(100, 60, 'wallet'), rule(3, 60, 'global')], ctx(3)))?.context).toEqual({ maxRequests: 3, windowSeconds: 60 });
  });

  it('no rule, no limit', () => {
    expect(rateLimit([], ctx(1_000_000))).toBeNull();
  });

  it('a session rule counts only the requesting session: refused at its limit, though the wallet made fewer', () => {
    expect(refusal(() => rateLimit([rule(2, 60, 'session')], ctx(0, {}, 2)))).toMatchObject({
      code: 'POLICY__RATE_LIMITED',
      message: 'This session may make at most 2 requests per 60 s and has made them.',
    });
  });

  it("a session rule ignores the other sessions' requests on the wallet", () => {
    expect(rateLimit([rule(2, 60, 'session')], ctx(50, {}, 1))).toBeNull();
  });
});
