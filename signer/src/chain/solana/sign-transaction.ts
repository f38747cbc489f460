import { type Instruction, getBase58Decoder, signatureBytes } from '@solana/kit';
import {
  COMPUTE_BUDGET_PROGRAM_ADDRESS,
  ComputeBudgetInstruction,
  identifyComputeBudgetInstruction,
} from '@solana-program/compute-budget';
import type { AgentSigner } from '../../keystore/index.js';
import type { Network, SignedTransaction, UnsignedTransaction } from '../chain-adapter.js';
import { solanaContentDigest } from './content-digest.js';
import { type SolanaMessage, decodeSolanaMessage } from './decode-message.js';
import { type DecodedPayload, decodeSolanaPayload, invalidPayload } from './solana-payload.js';
import { wireTransaction } from './wire-transaction.js';

/**
 * Signs the persisted message bytes with the wallet's key. The payload comes back from storage, so
 * it is checked first: the bytes must still match the content digest the Owner approved, be paid
 * and signed by this wallet alone, and carry no compute-budget instruction but the unit limit
 * build adds (a unit price would be a fee the digest does not cover).
 */
export async function signSolanaTransaction(
  network: Network,
  tx: UnsignedTransaction,
  signer: AgentSigner,
): Promise<SignedTransaction> {
  if (signer.chain !== 'solana') throw invalidPayload(`an ${signer.chain} key cannot sign a Solana transaction`);
  const payload = decodeSolanaPayload(network, tx);
  const message = decodeSolanaMessage(payload.messageBytes);
  assertSignable(network, tx, payload, message, signer.address);
  const signature = signatureBytes(await signer.signMessage(payload.messageBytes));
  return {
    family: 'solana',
    network: network.name,
    raw: wireTransaction(payload.messageBytes, signature),
    hash: getBase58Decoder().decode(signature),
    validity: { lastValidBlockHeight: payload.lastValidBlockHeight.toString() },
  };
}

function assertSignable(
  network: Network,
  tx: UnsignedTransaction,
  payload: DecodedPayload,
  message: SolanaMessage,
  signerAddress: string,
): void {
  if (message.feePayer !== payload.feePayer || message.blockhash !== payload.blockhash) {
    throw invalidPayload('its message does not match its payload');
  }
  if (message.feePayer !== signerAddress) {
    throw invalidPayload(`it is paid by ${message.feePayer}, not by the signing wallet ${signerAddress}`);
  }
  if (message.signerCount !== 1) throw invalidPayload(`it needs ${message.signerCount} signatures; the wallet gives one`);
  if (solanaContentDigest(network.name, message) !== tx.contentDigest) {
    throw invalidPayload('its message does not match its content digest');
  }
  const budget = message.instructions.filter((instruction) => instruction.programAddress === COMPUTE_BUDGET_PROGRAM_ADDRESS);
  if (!budget.every(isUnitLimit)) throw invalidPayload('it sets compute-budget values other than the unit limit');
}

function isUnitLimit(instruction: Instruction): boolean {
  try {
    const data = instruction.data ?? new Uint8Array();
    return identifyComputeBudgetInstruction(data) === ComputeBudgetInstruction.SetComputeUnitLimit;
  } catch {
    return false;
  }
}
