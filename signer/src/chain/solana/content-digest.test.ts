import {
  type Address,
  type Blockhash,
  type Instruction,
  address,
  appendTransactionMessageInstructions,
  blockhash,
  compileTransaction,
  createNoopSigner,
  createTransactionMessage,
  pipe,
  setTransactionMessageComputeUnitLimit,
  setTransactionMessageFeePayer,
  setTransactionMessageLifetimeUsingBlockhash,
} from '@solana/kit';
import { getTransferSolInstruction } from '@solana-program/system';
import { describe, expect, it } from 'vitest';
import { solanaContentDigest } from './content-digest.js';
import { decodeSolanaMessage } from './decode-message.js';

const WALLET = address('9X4s5ffxyLfDqeqmLB3moXSza6CEaKzYzFsCu6wMwhK5');
const BOB = address('AGdFv5g5pEmd4wh5bLsAjyMV1md7ZtXhCYMU54JT6S6N');
const HASH_A = blockhash('CmpNeggWJ4JaWJeJ8YKN1Zypmk7uvQq3PECGUCAEMbky');
const HASH_B = blockhash('4QjEBrJnATvydaCoPb7j4cneA5vSJNFsAYHQwRAjAjmQ');

function digest(opts: { blockhash?: Blockhash; units?: number; amount?: bigint; network?: string; payer?: Address } = {}): string {
  const payer = opts.payer ?? WALLET;
  const transfer: Instruction = getTransferSolInstruction({ source: createNoopSigner(payer), destination: BOB, amount: opts.amount ?? 1n });
  const tx = compileTransaction(
    pipe(
      createTransactionMessage({ version: 0 }),
      (m) => setTransactionMessageFeePayer(payer, m),
      (m) => setTransactionMessageLifetimeUsingBlockhash({ blockhash: opts.blockhash ?? HASH_A, lastValidBlockHeight: 1n }, m),
      (m) => setTransactionMessageComputeUnitLimit(opts.units ?? 200_000, m),
      (m) => appendTransactionMessageInstructions([transfer], m),
    ),
  );
  return solanaContentDigest(opts.network ?? 'solana-devnet', decodeSolanaMessage(new Uint8Array(tx.messageBytes)));
}

describe('solanaContentDigest', () => {
  it('is a sha256 hex that ignores the blockhash and the compute-unit limit', () => {
    expect(digest()).toMatch(/^[0-9a-f]{64}$/);
    expect(digest({ blockhash: HASH_B })).toBe(digest());
    expect(digest({ units: 264_000 })).toBe(digest());
  });

  it('changes with the instructions, the network and the paying wallet', () => {
    expect(digest({ amount: 2n })).not.toBe(digest());
    expect(digest({ network: 'solana-mainnet' })).not.toBe(digest());
    expect(digest({ payer: BOB })).not.toBe(digest());
  });
});
