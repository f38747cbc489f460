import { describe, expect, it } from 'vitest';
import { createApproval, createSession } from '../models/fake-companion-state';
import { chainsByWallet, formatNative } from './native-unit';

describe('formatNative', () => {
  it('shows lamports as SOL and wei as ETH', () => {
    expect(formatNative('1500000000', 'solana')).toBe('1.5 SOL');
    expect(formatNative(25n * 10n ** 16n, 'evm')).toBe('0.25 ETH');
    expect(formatNative('-5000', 'solana')).toBe('-0.000005 SOL');
  });

  it('shows base units when the chain is unknown, and text it cannot read as it is', () => {
    expect(formatNative('1500000000', null)).toBe('1500000000 base units');
    expect(formatNative('1.5', 'solana')).toBe('1.5');
  });
});

describe('chainsByWallet', () => {
  it('learns each wallet’s chain from the approvals and sessions the signer sent', () => {
    const chains = chainsByWallet([createApproval({ walletId: 'w1', chain: 'evm' }), createSession({ walletId: 'w2', chain: 'solana' })]);
    expect([...chains]).toEqual([['w1', 'evm'], ['w2', 'solana']]);
  });
});
