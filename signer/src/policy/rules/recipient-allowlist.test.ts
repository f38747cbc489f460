import { type agent, type Chain, isWaiaasError, RecipientAllowlistRule } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import type { PolicyContext, ScopedRule } from '../policy-context.js';
import { recipientAllowlist } from './recipient-allowlist.js';

const ctx = (call: agent.TransactionCall, chain: Chain = 'evm'): PolicyContext => ({
  call,
  chain,
  exposure: new Map(),
  norm: (a) => (chain === 'evm' ? a.toLowerCase() : a),
  now: Date.parse('2026-01-01T12:00:00Z'),
  history: { walletSpentSince: () => 0n, walletRequestsSince: () => 0, sessionSpentSince: () => 0n, sessionRequestsSince: () => 0, usdSpentSince: () => 0n },
});
const list = (addresses: string[], scope: 'global' | 'wallet' = 'wallet'): ScopedRule<'RECIPIENT_ALLOWLIST'> => ({
  scope,
  rule: { type: 'RECIPIENT_ALLOWLIST', addresses },
});
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (isWaiaasError(error, 'POLICY__RECIPIENT_NOT_ALLOWED')) return { context: error.context, message: error.message };
    throw error;
  }
  return null;
};

const ALICE = '0xA11CE00000000000000000000000000000000001';
const BOB = '0xb0b0000000000000000000000000000000000002';
const EVE = '0xEEEE000000000000000000000000000000000003';
const TOKEN = '0x7070000000000000000000000000000000000004';

describe('recipientAllowlist', () => {
  const rules = [list([ALICE]), list([BOB], 'global')];
  it.each<[string, agent.TransactionCall, string | null]>([
    ['a transfer to a listed recipient', { type: 'TRANSFER', to: ALICE, amount: '1' }, null],
    ['a transfer to a recipient listed only globally (lists are joined)', { type: 'TRANSFER', to: BOB, amount: '1' }, null],
    ['a transfer to an EVM recipient spelled in another case', { type: 'TRANSFER', to: ALICE.toLowerCase(), amount: '1' }, null],
    ['a transfer to an unlisted recipient', { type: 'TRANSFER', to: EVE, amount: '1' }, EVE],
    ['a token transfer to a listed recipient of an unlisted token', { type: 'TOKEN_TRANSFER', token: TOKEN, to: ALICE, amount: '1' }, null],
    ['a token transfer to an unlisted recipient', { type: 'TOKEN_TRANSFER', token: ALICE, to: EVE, amount: '1' }, EVE],
    ['an approval to a listed spender', { type: 'APPROVE', token: TOKEN, spender: BOB.toUpperCase().replace('0X', '0x'), amount: '1' }, null],
    ['an approval to an unlisted spender', { type: 'APPROVE', token: ALICE, spender: EVE, amount: '1' }, EVE],
    ['a contract call (ALLOWED_CONTRACTS governs contracts)', { type: 'CONTRACT_CALL', to: EVE, data: '0x' }, null],
  ])('%s', (_, call, refused) => {
    const r = refusal(() => recipientAllowlist(rules, ctx(call)));
    expect(r?.context ?? null).toEqual(refused === null ? null : { recipient: refused });
  });

  it('refuses a batch with one bad recipient among good ones, naming it', () => {
    const batch: agent.TransactionCall = {
      type: 'BATCH',
      calls: [
        { type: 'TRANSFER', to: ALICE, amount: '1' },
        { type: 'TOKEN_TRANSFER', token: TOKEN, to: EVE, amount: '1' },
        { type: 'TRANSFER', to: BOB, amount: '1' },
      ],
    };
    expect(refusal(() => recipientAllowlist(rules, ctx(batch)))?.message).toBe(
      `Recipient ${EVE} is not on this wallet's recipient allowlist; the Owner can add it with "waiaas policy set recipient-allowlist".`,
    );
  });

  it('compares Solana addresses exactly', () => {
    expect(refusal(() => recipientAllowlist([list(['Alice111'])], ctx({ type: 'TRANSFER', to: 'alice111', amount: '1' }, 'solana')))).not.toBeNull();
    expect(recipientAllowlist([list(['Alice111'])], ctx({ type: 'TRANSFER', to: 'Alice111', amount: '1' }, 'solana'))).toBeNull();
  });

  it('has no opinion without a rule, and an empty list allows no recipient', () => {
    expect(recipientAllowlist([], ctx({ type: 'TRANSFER', to: EVE, amount: '1' }))).toBeNull();
    expect(refusal(() => recipientAllowlist([list([])], ctx({ type: 'TRANSFER', to: EVE, amount: '1' })))).not.toBeNull();
  });

  it('the schema takes at most 500 addresses and optional labels', () => {
    const addresses = Array.from({ length: 501 }, (_, i) => `Addr${i}`);
    expect(RecipientAllowlistRule.safeParse({ type: 'RECIPIENT_ALLOWLIST', addresses }).success).toBe(false);
    expect(RecipientAllowlistRule.safeParse({ type: 'RECIPIENT_ALLOWLIST', addresses: addresses.slice(0, 500) }).success).toBe(true);
    expect(RecipientAllowlistRule.safeParse({ type: 'RECIPIENT_ALLOWLIST', addresses: [ALICE], labels: { [ALICE]: 'treasury' } }).success).toBe(true);
    expect(RecipientAllowlistRule.safeParse({ type: 'RECIPIENT_ALLOWLIST', addresses: [ALICE], extra: 1 }).success).toBe(false);
  });
});
