import { randomInt } from 'node:crypto';
import {
  type Address,
  type GetLatestBlockhashApi,
  type GetMultipleAccountsApi,
  type Instruction,
  type Rpc,
  appendTransactionMessageInstructions,
  compileTransaction,
  createTransactionMessage,
  getTransactionSize,
  getTransactionSizeLimit,
  pipe,
  setTransactionMessageComputeUnitLimit,
  setTransactionMessageFeePayer,
  setTransactionMessageLifetimeUsingBlockhash,
} from '@solana/kit';
import type { Network, TransactionIntent, UnsignedTransaction } from '../chain-adapter.js';
import { callInstructions } from './call-instructions.js';
import { solanaContentDigest } from './content-digest.js';
import { decodeSolanaMessage } from './decode-message.js';
import { type ChainState, readChainState } from './read-chain-state.js';
import { resolveCalls } from './resolve-calls.js';
import { encodeSolanaPayload } from './solana-payload.js';
import { findTokenAccounts } from './token-accounts.js';
import { type SolanaCall, invalidCall, validateIntent } from './validate-intent.js';

export interface BuildClient {
  network: Network;
  rpc: Rpc<GetLatestBlockhashApi & GetMultipleAccountsApi>;
}

/** validate → read the chain → resolve → instructions → compiled v0 message, paid by `from`. */
export async function buildSolanaTransaction(client: BuildClient, from: string, intent: TransactionIntent): Promise<UnsignedTransaction> {
  const { network } = client;
  const { from: payer, calls } = validateIntent(from, intent);
  const tokenAccounts = await findTokenAccounts(payer, calls);
  const state = await readChainState(client.rpc, [payer, ...callAccounts(calls), ...tokenAccounts.values()]);
  const instructions = callInstructions(payer, resolveCalls(network, payer, calls, tokenAccounts, state));
  const messageBytes = compileMessage(payer, instructions, state.lifetime);
  return {
    family: 'solana',
    network: network.name,
    payload: encodeSolanaPayload({ messageBytes, feePayer: payer, ...state.lifetime }),
    contentDigest: solanaContentDigest(network.name, decodeSolanaMessage(messageBytes)),
  };
}

/** Mints, programs and token recipients: build must know what they are before it builds on them. */
function callAccounts(calls: readonly SolanaCall[]): Address[] {
  return calls.flatMap((call) => {
    if (call.type === 'CONTRACT_CALL') return [call.program];
    if (call.type === 'TOKEN_TRANSFER') return [call.mint, call.to];
    return call.type === 'APPROVE' ? [call.mint] : [];
  });
}

function compileMessage(payer: Address, instructions: Instruction[], lifetime: ChainState['lifetime']): Uint8Array {
  const transaction = compileTransaction(
    pipe(
      createTransactionMessage({ version: 0 }),
      (m) => setTransactionMessageFeePayer(payer, m),
      (m) => setTransactionMessageLifetimeUsingBlockhash(lifetime, m),
      (m) => setTransactionMessageComputeUnitLimit(computeUnitLimit(instructions.length), m),
      (m) => appendTransactionMessageInstructions(instructions, m),
    ),
  );
  const size = getTransactionSize(transaction);
  if (size > getTransactionSizeLimit(transaction)) {
    throw invalidCall(`the transaction would take ${size} bytes, over Solana's ${getTransactionSizeLimit(transaction)}`);
  }
  return new Uint8Array(transaction.messageBytes);
}

const UNITS_PER_INSTRUCTION = 200_000;
const MAX_UNITS = 1_400_000;
const JITTER = 65_536;

/*
 * Ed25519 signatures are deterministic, and Solana drops a transaction whose signature it has seen.
 * Two identical intents built under the same blockhash would make one payment reported twice. A
 * random compute-unit limit makes every build distinct. It costs nothing (we set no unit price, so
 * the fee is 5,000 lamports per signature whatever the limit), is at least the runtime's default of
 * 200,000 per instruction (bar up to 64K under the 1.4M cap), and stays out of the content digest.
 */
function computeUnitLimit(instructionCount: number): number {
  return Math.min(UNITS_PER_INSTRUCTION * instructionCount, MAX_UNITS - JITTER) + randomInt(JITTER);
}
