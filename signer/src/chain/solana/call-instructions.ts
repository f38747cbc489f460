import { type Address, type Instruction, createNoopSigner } from '@solana/kit';
import { LEGACY_MEMO_PROGRAM_ADDRESS_V3, getAddMemoInstruction } from '@solana-program/memo';
import { getTransferSolInstruction } from '@solana-program/system';
import {
  getApproveCheckedInstruction,
  getCreateAssociatedTokenIdempotentInstruction,
  getTransferCheckedInstruction,
} from '@solana-program/token';
import type { ResolvedCall } from './resolve-calls.js';

/**
 * The instructions for resolved calls, in order. The wallet appears as a no-op signer: the
 * instructions need its signer role, and the keystore signs the compiled message later.
 */
export function callInstructions(from: Address, calls: readonly ResolvedCall[]): Instruction[] {
  const wallet = createNoopSigner(from);
  return calls.flatMap((call): Instruction[] => {
    switch (call.type) {
      case 'TRANSFER':
        return [getTransferSolInstruction({ source: wallet, destination: call.to, amount: call.amount }), ...memo(call.memo)];
      case 'TOKEN_TRANSFER':
        return [
          ...(call.createDestination
            ? [getCreateAssociatedTokenIdempotentInstruction({ payer: wallet, ata: call.destination, owner: call.to, mint: call.mint })]
            : []),
          getTransferCheckedInstruction({
            source: call.source,
            mint: call.mint,
            destination: call.destination,
            authority: wallet,
            amount: call.amount,
            decimals: call.decimals,
          }),
          ...memo(call.memo),
        ];
      case 'APPROVE':
        return [
          getApproveCheckedInstruction({
            source: call.source,
            mint: call.mint,
            delegate: call.spender,
            owner: wallet,
            amount: call.amount,
            decimals: call.decimals,
          }),
        ];
      case 'CONTRACT_CALL':
        return [{ programAddress: call.program, accounts: call.accounts, data: call.data }];
    }
  });
}

/*
 * SPL Memo v3 (MemoSq4gq…), deployed on every cluster. @solana-program/memo 0.15 defaults to a
 * newer memo program address (Memo4c2p…) that is not deployed everywhere (not in LiteSVM either).
 */
function memo(text: string | undefined): Instruction[] {
  return text === undefined ? [] : [getAddMemoInstruction({ memo: text }, { programAddress: LEGACY_MEMO_PROGRAM_ADDRESS_V3 })];
}
