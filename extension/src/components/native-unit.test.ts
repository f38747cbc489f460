import { describe, expect, it } from 'vitest';
import { createApproval } from '../models/fake-companion-state';
import { chainOfNetwork, chainsByWallet, formatNative } from './native-unit';

describe('chainOfNetwork', () => {
  it.each([
    ['solana-devnet', 'solana'],
    ['local-solana', 'solana'],
    ['ethereum-mainnet', 'evm'],
    ['base-sepolia', 'evm'],
    ['sepolia', 'evm'],
    ['local-evm', 'evm'],
    ['database', null],
    ['my-chain', null],
  ])('%s is %s', (network, chain) => {
    expect(chainOfNetwork(network)).toBe(chain);
  });
});

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
  it('learns each wallet’s chain from the network of its approvals', () => {
    const chains = chainsByWallet([createApproval({ walletId: 'w1', network: 'local-evm' }), createApproval({ walletId: 'w2', network: 'x' })]);
    expect([...chains]).toEqual([['w1', 'evm']]);
  });
});
