import { type Address, type TransactionError, address, getSolanaErrorFromTransactionError } from '@solana/kit';
import { describe, expect, it } from 'vitest';
import { isInsufficientLamports, programLogReason } from './transaction-failure.js';

const SYSTEM = { programAddress: address('11111111111111111111111111111111') };
const TOKEN = { programAddress: address('TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA') };
const insufficient = (error: TransactionError, instructions: { programAddress: Address }[] = [SYSTEM]) =>
  isInsufficientLamports(getSolanaErrorFromTransactionError(error), { instructions });

describe('isInsufficientLamports', () => {
  it('recognises the wallet short of lamports: for the fee, unfunded, for its own rent, in a System transfer', () => {
    expect(insufficient('InsufficientFundsForFee')).toBe(true);
    expect(insufficient('AccountNotFound')).toBe(true);
    expect(insufficient({ InsufficientFundsForRent: { account_index: 0 } })).toBe(true);
    expect(insufficient({ InstructionError: [0, { Custom: 1 }] })).toBe(true);
  });

  it('does not blame the wallet for a recipient short of rent, or for another program\'s error 1', () => {
    expect(insufficient({ InsufficientFundsForRent: { account_index: 1 } })).toBe(false);
    expect(insufficient({ InstructionError: [0, { Custom: 1 }] }, [TOKEN])).toBe(false);
    expect(insufficient('BlockhashNotFound')).toBe(false);
  });
});

describe('programLogReason', () => {
  it('picks the last error a program logged', () => {
    const logs = ['Program Tokenkeg… invoke [1]', 'Program log: Instruction: TransferChecked', 'Program log: Error: insufficient funds'];
    expect(programLogReason(logs)).toBe('insufficient funds');
    expect(programLogReason(['Transfer: insufficient lamports 5, need 9'])).toBe('Transfer: insufficient lamports 5, need 9');
    expect(programLogReason(null)).toBeUndefined();
  });
});
