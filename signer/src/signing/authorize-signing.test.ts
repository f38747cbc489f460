import { isWaiaasError, type Policy, type PolicyRule } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { authorizeSigning } from './authorize-signing.js';

const NOW = Date.parse('2026-01-31T12:00:00Z'); // a Saturday
const policy = (rule: PolicyRule): Policy => ({
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  scope: 'wallet',
  walletId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
  sessionId: null,
  rule,
  createdAt: new Date(NOW).toISOString(),
  updatedAt: new Date(NOW).toISOString(),
});
const ALLOW_MESSAGES = policy({ type: 'ALLOWED_SIGNING', messages: true, typedDataDomains: [] });
const hello = { kind: 'message' as const, bytes: new TextEncoder().encode('hello') };

const code = (policies: Policy[], requests = 0, asked: { since?: number } = {}) => {
  try {
    authorizeSigning(policies, hello, {
      now: NOW,
      requestsSince: (since) => {
        asked.since = since;
        return requests;
      },
    });
  } catch (error) {
    if (isWaiaasError(error)) return error.code;
    throw error;
  }
  return null;
};

describe('authorizeSigning', () => {
  it('refuses without an ALLOWED_SIGNING rule, whatever else is set', () => {
    expect(code([policy({ type: 'SPENDING_LIMIT', asset: 'native', instantMax: '1', notifyMax: '2', delayMax: '3', delaySeconds: 900 })])).toBe('POLICY__SIGNING_NOT_ALLOWED');
    expect(code([ALLOW_MESSAGES])).toBeNull();
  });

  it('amount rules have nothing to weigh: a spending limit does not refuse an allowed signature', () => {
    expect(code([ALLOW_MESSAGES, policy({ type: 'APPROVE_CAP', max: '0' }), policy({ type: 'ALLOWED_TOKENS', tokens: [] })])).toBeNull();
  });

  it('a time window holds for signatures too', () => {
    const weekdays = policy({ type: 'TIME_WINDOW', days: ['mon', 'tue', 'wed', 'thu', 'fri'], startHour: 0, endHour: 24, timeZone: 'UTC' });
    expect(code([ALLOW_MESSAGES, weekdays])).toBe('POLICY__OUTSIDE_TIME_WINDOW');
  });

  it('a rate limit counts the wallet’s requests in its window, signatures included', () => {
    const asked: { since?: number } = {};
    const limit = policy({ type: 'RATE_LIMIT', maxRequests: 3, windowSeconds: 60 });
    expect(code([ALLOW_MESSAGES, limit], 2, asked)).toBeNull();
    expect(asked.since).toBe(NOW - 60_000);
    expect(code([ALLOW_MESSAGES, limit], 3)).toBe('POLICY__RATE_LIMITED');
  });
});
