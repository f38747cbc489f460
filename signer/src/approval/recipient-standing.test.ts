import type { Policy, PolicyRule } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { recipientStanding } from './recipient-standing.js';

const ALICE = '0x00000000000000000000000000000000000A11cE';
const BOB = '0x0000000000000000000000000000000000000B0b';
const STRANGER = '0x000000000000000000000000000000000000dEaD';

let n = 0;
const policy = (scope: Policy['scope'], rule: PolicyRule): Policy => ({
  id: `0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a${String(n++).padStart(2, '0')}`,
  scope,
  walletId: scope === 'global' ? null : '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4b00',
  sessionId: scope === 'session' ? '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4c00' : null,
  rule,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const send = (to: string) => ({ type: 'TRANSFER' as const, to, amount: '1' });

describe('recipientStanding', () => {
  const rules = [
    policy('global', { type: 'RECIPIENT_ALLOWLIST', addresses: [ALICE, BOB], labels: { [ALICE]: 'Alice (global)' } }),
    policy('wallet', { type: 'RECIPIENT_ALLOWLIST', addresses: [], labels: { [ALICE.toLowerCase()]: 'Alice' } }),
    policy('wallet', { type: 'ALLOWED_CONTRACTS', contracts: [{ address: STRANGER }] }),
  ];

  it('names an allowlisted recipient by the narrowest label, comparing EVM addresses case-insensitively', () => {
    expect(recipientStanding(rules, send(ALICE.toUpperCase().replace('0X', '0x')), 'evm')).toEqual({ recipientLabel: 'Alice', recipientKnown: true });
    expect(recipientStanding(rules, send(BOB), 'evm')).toEqual({ recipientLabel: null, recipientKnown: true });
  });

  it('warns of a recipient no rule lists, and of any recipient when no rule applies', () => {
    expect(recipientStanding(rules, send(STRANGER), 'evm')).toEqual({ recipientLabel: null, recipientKnown: false });
    expect(recipientStanding([], send(ALICE), 'evm')).toEqual({ recipientLabel: null, recipientKnown: false });
  });

  it('knows an allowed contract only as the target of a contract call', () => {
    expect(recipientStanding(rules, { type: 'CONTRACT_CALL', to: STRANGER, data: '0x12345678' }, 'evm').recipientKnown).toBe(true);
  });

  it('knows a batch only if it knows every recipient, and names it only by a label all of them share', () => {
    expect(recipientStanding(rules, { type: 'BATCH', calls: [send(ALICE), send(ALICE)] }, 'evm')).toEqual({ recipientLabel: 'Alice', recipientKnown: true });
    expect(recipientStanding(rules, { type: 'BATCH', calls: [send(ALICE), send(BOB)] }, 'evm')).toEqual({ recipientLabel: null, recipientKnown: true });
    expect(recipientStanding(rules, { type: 'BATCH', calls: [send(ALICE), send(STRANGER)] }, 'evm')).toEqual({ recipientLabel: null, recipientKnown: false });
  });

  it('compares Solana addresses exactly', () => {
    const mint = 'So11111111111111111111111111111111111111112';
    const solana = [policy('wallet', { type: 'RECIPIENT_ALLOWLIST', addresses: [mint], labels: { [mint]: 'wrapped' } })];
    expect(recipientStanding(solana, send(mint), 'solana')).toEqual({ recipientLabel: 'wrapped', recipientKnown: true });
    expect(recipientStanding(solana, send(mint.toLowerCase()), 'solana').recipientKnown).toBe(false);
  });
});
