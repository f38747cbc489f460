import { createHash } from 'node:crypto';
import { type Instruction, getBase64Decoder, isSignerRole, isWritableRole } from '@solana/kit';
import { COMPUTE_BUDGET_PROGRAM_ADDRESS } from '@solana-program/compute-budget';
import type { SolanaMessage } from './decode-message.js';

const DOMAIN = 'waiaas/solana/content-digest/v1';

/**
 * The digest an Owner's approval binds to: sha256 (hex) over a canonical JSON of the network, the
 * paying wallet and every instruction (program, accounts with their signer/writable flags, data).
 * Left out on purpose: the blockhash (a rebuild after expiry keeps the approval) and compute-budget
 * instructions (fees and limits, which sign-transaction polices separately).
 */
export function solanaContentDigest(networkName: string, message: Pick<SolanaMessage, 'feePayer' | 'instructions'>): string {
  const instructions = message.instructions
    .filter((instruction) => instruction.programAddress !== COMPUTE_BUDGET_PROGRAM_ADDRESS)
    .map(canonicalInstruction);
  const canonical = JSON.stringify({ domain: DOMAIN, network: networkName, feePayer: message.feePayer, instructions });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

function canonicalInstruction(instruction: Instruction) {
  return {
    program: instruction.programAddress,
    accounts: (instruction.accounts ?? []).map(({ address, role }) => ({
      address,
      signer: isSignerRole(role),
      writable: isWritableRole(role),
    })),
    data: getBase64Decoder().decode(instruction.data ?? new Uint8Array()),
  };
}
