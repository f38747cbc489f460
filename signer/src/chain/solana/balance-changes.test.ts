import { type Address, type MaybeEncodedAccount, address, lamports } from '@solana/kit';
import { AccountState, TOKEN_PROGRAM_ADDRESS, getTokenEncoder } from '@solana-program/token';
import { describe, expect, it } from 'vitest';
import { balanceChanges } from './balance-changes.js';

const WALLET = address('9X4s5ffxyLfDqeqmLB3moXSza6CEaKzYzFsCu6wMwhK5');
const BOB = address('AGdFv5g5pEmd4wh5bLsAjyMV1md7ZtXhCYMU54JT6S6N');
const MINT = address('EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v');
const SOURCE = address('CmpNeggWJ4JaWJeJ8YKN1Zypmk7uvQq3PECGUCAEMbky');
const DEST = address('4QjEBrJnATvydaCoPb7j4cneA5vSJNFsAYHQwRAjAjmQ');

const wallet = (balance: bigint): MaybeEncodedAccount => ({
  address: WALLET,
  exists: true,
  data: new Uint8Array(),
  executable: false,
  lamports: lamports(balance),
  programAddress: address('11111111111111111111111111111111'),
  space: 0n,
});

function tokenAccount(address: Address, owner: Address, amount: bigint): MaybeEncodedAccount {
  const data = new Uint8Array(
    getTokenEncoder().encode({
      mint: MINT,
      owner,
      amount,
      delegate: null,
      state: AccountState.Initialized,
      isNative: null,
      delegatedAmount: 0n,
      closeAuthority: null,
    }),
  );
  return { address, exists: true, data, executable: false, lamports: lamports(2_039_280n), programAddress: TOKEN_PROGRAM_ADDRESS, space: 165n };
}

describe('balanceChanges', () => {
  it('reports the wallet\'s lamports and its tokens, not the recipient\'s', () => {
    const before = [wallet(10_000_000n), tokenAccount(SOURCE, WALLET, 500n), { address: DEST, exists: false } as const];
    const after = [wallet(7_955_720n), tokenAccount(SOURCE, WALLET, 380n), tokenAccount(DEST, BOB, 120n)];
    expect(balanceChanges(WALLET, before, after)).toEqual([
      { asset: 'native', delta: -2_044_280n },
      { asset: MINT, delta: -120n },
    ]);
  });

  it('leaves out tokens that did not move, and counts a closed account as zero', () => {
    const held = tokenAccount(SOURCE, WALLET, 500n);
    expect(balanceChanges(WALLET, [wallet(10n), held], [wallet(5n), held])).toEqual([{ asset: 'native', delta: -5n }]);
    expect(balanceChanges(WALLET, [wallet(10n), held], [wallet(10n), { address: SOURCE, exists: false }])).toEqual([
      { asset: 'native', delta: 0n },
      { asset: MINT, delta: -500n },
    ]);
  });
});
