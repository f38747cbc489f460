import { describe, expect, it } from 'vitest';
import { spendOf } from './spend-of.js';

describe('spendOf', () => {
  it('adds up native and per-token amounts of a batch, never across assets', () => {
    const spend = spendOf(
      {
        type: 'BATCH',
        calls: [
          { type: 'TRANSFER', to: 'a', amount: '5' },
          { type: 'TOKEN_TRANSFER', token: 'MintA', to: 'b', amount: '7' },
          { type: 'TRANSFER', to: 'c', amount: '6' },
          { type: 'APPROVE', token: 'MintA', spender: 'd', amount: '1000' },
        ],
      },
      'solana',
    );
    expect([...spend]).toEqual([
      ['native', 11n],
      ['MintA', 7n],
    ]);
  });

  it('counts an EVM call value as native spend and folds token address case', () => {
    expect([...spendOf({ type: 'CONTRACT_CALL', to: '0xC0ffee', value: '9' }, 'evm')]).toEqual([['native', 9n]]);
    const a = spendOf({ type: 'TOKEN_TRANSFER', token: '0xAbC', to: 'x', amount: '1' }, 'evm');
    expect([...a.keys()]).toEqual(['0xabc']);
  });
});
