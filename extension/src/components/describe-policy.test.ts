import { describe, expect, it } from 'vitest';
import { describePolicy, describeScope, formatSeconds } from './describe-policy';

describe('describePolicy', () => {
  it('says a native spending limit in the wallet’s unit', () => {
    const rule = { type: 'SPENDING_LIMIT', asset: 'native', instantMax: '100000000', notifyMax: '500000000', delayMax: '1000000000', delaySeconds: 900 } as const;
    expect(describePolicy(rule, 'solana')).toBe(
      'Spending limit (native coin): instant up to 0.1 SOL, notify up to 0.5 SOL, delay 15 min up to 1 SOL; above that, your approval.',
    );
    expect(describePolicy(rule, null)).toContain('instant up to 100000000 base units');
  });

  it('warns that an empty allowlist lets agents send to no one', () => {
    expect(describePolicy({ type: 'RECIPIENT_ALLOWLIST', addresses: [] }, null)).toBe('Recipient allowlist: empty, so agents can send to no one.');
  });

  it('reads rate limits and time windows', () => {
    expect(describePolicy({ type: 'RATE_LIMIT', maxRequests: 10, windowSeconds: 3600 }, null)).toBe('Rate limit: at most 10 requests per 1 h.');
    expect(describePolicy({ type: 'TIME_WINDOW', days: ['mon', 'tue'], startHour: 9, endHour: 17, timeZone: 'Europe/Berlin' }, null)).toBe(
      'Only on mon, tue from 9:00 to 17:00 (Europe/Berlin).',
    );
  });
});

describe('describeScope', () => {
  it('names the wallet when it is known, else its short id', () => {
    const names = new Map([['w-0000000000000001', 'treasury']]);
    expect(describeScope({ scope: 'global', walletId: null, sessionId: null }, names)).toBe('All wallets');
    expect(describeScope({ scope: 'wallet', walletId: 'w-0000000000000001', sessionId: null }, names)).toBe('Wallet treasury');
    expect(describeScope({ scope: 'wallet', walletId: 'w-0000000000000002', sessionId: null }, names)).toBe('Wallet …00000002');
  });
});

describe('formatSeconds', () => {
  it.each([[900, '15 min'], [90, '90 s'], [172_800, '2 d'], [7200, '2 h']])('%i s is %s', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });
});
