import type { Policy } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { addAllowlistEntry, allowlistEntryFor, isAllowlistPolicy, removeAllowlistEntry, type AllowlistPolicy } from './allowlist-change';

const WALLET = '01980000-0000-7000-8000-00000000a001';
const base = { createdAt: '2026-11-20T08:00:00.000Z', updatedAt: '2026-11-20T08:00:00.000Z', sessionId: null };
const walletList: AllowlistPolicy = {
  ...base,
  id: '01980000-0000-7000-8000-00000000f001',
  scope: 'wallet',
  walletId: WALLET,
  rule: { type: 'RECIPIENT_ALLOWLIST', addresses: ['Alice', 'Bob'], labels: { Bob: 'Bob the builder' } },
};
const spending: Policy = {
  ...base,
  id: '01980000-0000-7000-8000-00000000f002',
  scope: 'global',
  walletId: null,
  rule: { type: 'SPENDING_LIMIT', asset: 'native', instantMax: '1', notifyMax: '2', delayMax: '3', delaySeconds: 900 },
};
const names = new Map([[WALLET, 'treasury']]);

describe('allowlist changes', () => {
  it('adds an entry by sending the whole list of the same wallet, label included', () => {
    expect(addAllowlistEntry(walletList, 'Carol', 'Carol’s shop')).toEqual({
      wallet: WALLET,
      rule: { type: 'RECIPIENT_ALLOWLIST', addresses: ['Alice', 'Bob', 'Carol'], labels: { Bob: 'Bob the builder', 'Carol': 'Carol’s shop' } },
    });
  });

  it('removes an entry and its label, keeping the rest', () => {
    expect(removeAllowlistEntry(walletList, 'Bob')).toEqual({ wallet: WALLET, rule: { type: 'RECIPIENT_ALLOWLIST', addresses: ['Alice'] } });
  });

  it('adds to the existing list of the wallet named by the Owner', () => {
    expect(allowlistEntryFor([spending, walletList], names, { wallet: 'treasury', address: 'Dan' }).rule).toMatchObject({ addresses: ['Alice', 'Bob', 'Dan'] });
  });

  it('starts a new list for a scope that has none (every wallet, when no wallet is named)', () => {
    expect(allowlistEntryFor([spending, walletList], names, { wallet: ' ', address: 'Eve', label: 'Eve' })).toEqual({
      rule: { type: 'RECIPIENT_ALLOWLIST', addresses: ['Eve'], labels: { Eve: 'Eve' } },
    });
    expect(allowlistEntryFor([walletList], names, { wallet: 'savings', address: 'Eve' })).toEqual({
      wallet: 'savings',
      rule: { type: 'RECIPIENT_ALLOWLIST', addresses: ['Eve'] },
    });
  });

  it('tells allowlists from other rules', () => {
    expect([walletList, spending].filter(isAllowlistPolicy)).toEqual([walletList]);
  });
});
