import { AccountRole } from '@solana/kit';
import { isWaiaasError } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import type { TransactionIntent } from '../chain-adapter.js';
import { U64_MAX, validateIntent } from './validate-intent.js';

const WALLET = '9X4s5ffxyLfDqeqmLB3moXSza6CEaKzYzFsCu6wMwhK5';
const BOB = 'AGdFv5g5pEmd4wh5bLsAjyMV1md7ZtXhCYMU54JT6S6N';
const MINT = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v';
const SYSTEM = '11111111111111111111111111111111';

function refusal(intent: TransactionIntent, from = WALLET): string {
  try {
    validateIntent(from, intent);
  } catch (error) {
    if (isWaiaasError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('validateIntent', () => {
  it('turns a batch into its calls, in order, with memos only when there is text', () => {
    const { from, calls } = validateIntent(WALLET, {
      type: 'BATCH',
      calls: [
        { type: 'TRANSFER', to: BOB, amount: 1n, memo: '' },
        { type: 'TOKEN_TRANSFER', token: MINT, to: BOB, amount: 2n, memo: 'rent' },
        { type: 'APPROVE', token: MINT, spender: BOB, amount: U64_MAX - 1n },
      ],
    });
    expect(from).toBe(WALLET);
    expect(calls).toEqual([
      { type: 'TRANSFER', to: BOB, amount: 1n },
      { type: 'TOKEN_TRANSFER', mint: MINT, to: BOB, amount: 2n, memo: 'rent' },
      { type: 'APPROVE', mint: MINT, spender: BOB, amount: U64_MAX - 1n },
    ]);
  });

  it('decodes a program call: base64 data, and each account with its role', () => {
    const { calls } = validateIntent(WALLET, {
      type: 'CONTRACT_CALL',
      to: SYSTEM,
      data: 'AgAAAA==',
      value: 0n,
      accounts: [
        { address: WALLET, isSigner: true, isWritable: true },
        { address: BOB, isSigner: false, isWritable: false },
      ],
    });
    expect(calls).toEqual([
      {
        type: 'CONTRACT_CALL',
        program: SYSTEM,
        data: new Uint8Array([2, 0, 0, 0]),
        accounts: [
          { address: WALLET, role: AccountRole.WRITABLE_SIGNER },
          { address: BOB, role: AccountRole.READONLY },
        ],
      },
    ]);
  });

  it('refuses addresses that are not base58 of 32 bytes', () => {
    expect(refusal({ type: 'TRANSFER', to: BOB, amount: 1n }, 'wallet')).toBe(
      'CHAIN__INVALID_ADDRESS: "wallet" is not a valid solana address.',
    );
    expect(refusal({ type: 'TRANSFER', to: `${BOB}1`, amount: 1n })).toBe(
      `CHAIN__INVALID_ADDRESS: "${BOB}1" is not a valid solana address.`,
    );
    expect(refusal({ type: 'APPROVE', token: MINT, spender: '0xAb5801a7D398351b8bE11C439e05C5B3259aeC9B', amount: 1n })).toMatch(
      /^CHAIN__INVALID_ADDRESS/,
    );
  });

  it('refuses amounts outside 1..u64::MAX and unlimited approvals', () => {
    expect(refusal({ type: 'TRANSFER', to: BOB, amount: 0n })).toBe(
      'CHAIN__INVALID_CALL: The contract call is invalid: the amount must be positive, not 0.',
    );
    expect(refusal({ type: 'TOKEN_TRANSFER', token: MINT, to: BOB, amount: U64_MAX + 1n })).toBe(
      `CHAIN__INVALID_CALL: The contract call is invalid: the amount ${U64_MAX + 1n} does not fit in a u64.`,
    );
    expect(refusal({ type: 'APPROVE', token: MINT, spender: BOB, amount: U64_MAX })).toBe(
      'CHAIN__INVALID_CALL: The contract call is invalid: an unlimited approval (u64::MAX) is refused; approve the amount needed.',
    );
  });

  it('refuses program calls it cannot express or sign', () => {
    expect(refusal({ type: 'CONTRACT_CALL', to: SYSTEM, data: 'AgAAAA' })).toBe(
      'CHAIN__INVALID_CALL: The contract call is invalid: the instruction data is not base64.',
    );
    expect(refusal({ type: 'CONTRACT_CALL', to: SYSTEM, functionName: 'transfer' })).toMatch(/not an ABI\.$/);
    expect(refusal({ type: 'CONTRACT_CALL', to: SYSTEM, value: 5n })).toMatch(/carries no value/);
    expect(refusal({ type: 'CONTRACT_CALL', to: SYSTEM, accounts: [{ address: BOB, isSigner: true, isWritable: false }] })).toBe(
      `CHAIN__INVALID_CALL: The contract call is invalid: account ${BOB} would have to sign, but only ${WALLET} signs.`,
    );
    expect(refusal({ type: 'BATCH', calls: [] })).toBe('CHAIN__INVALID_CALL: The contract call is invalid: the batch holds no calls.');
  });
});
