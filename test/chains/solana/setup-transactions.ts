import {
  type Address,
  type Instruction,
  type KeyPairSigner,
  address,
  appendTransactionMessageInstructions,
  createTransactionMessage,
  generateKeyPairSigner,
  lamports,
  pipe,
  setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash,
  signTransactionMessageWithSigners,
} from '@solana/kit';
import { getCreateAccountInstruction, getTransferSolInstruction } from '@solana-program/system';
import {
  TOKEN_PROGRAM_ADDRESS,
  findAssociatedTokenPda,
  getCreateAssociatedTokenIdempotentInstruction,
  getInitializeMint2Instruction,
  getMintSize,
  getMintToInstruction,
} from '@solana-program/token';
import { FailedTransactionMetadata, type LiteSVM, TransactionMetadata } from 'litesvm';

const MEMO_PROGRAM = address('MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr');

/** Test set-up done with real transactions inside LiteSVM, paid and signed by one authority. */
export interface SetupTransactions {
  readonly authority: KeyPairSigner;
  fund(to: Address, lamports: bigint): Promise<void>;
  createMint(decimals: number): Promise<Address>;
  /** Mints into `owner`'s associated token account (created if missing); returns that account. */
  mintTo(mint: Address, owner: Address, amount: bigint): Promise<Address>;
}

export async function createSetupTransactions(svm: LiteSVM): Promise<SetupTransactions> {
  const authority = await generateKeyPairSigner();
  // 100,000 SOL: LiteSVM's own airdrop account cannot give much more.
  const funded = svm.airdrop(authority.address, lamports(100_000_000_000_000n));
  if (!(funded instanceof TransactionMetadata)) throw new Error(`cannot fund the set-up authority: ${String(funded)}`);
  let nonce = 0;

  // Ed25519 signatures are deterministic: without the memo, two identical set-up transactions under
  // the same blockhash would share a signature and LiteSVM would drop the second as AlreadyProcessed.
  const run = async (instructions: Instruction[]) => {
    const memo: Instruction = { programAddress: MEMO_PROGRAM, data: new TextEncoder().encode(`setup ${++nonce}`) };
    const message = pipe(
      createTransactionMessage({ version: 0 }),
      (m) => setTransactionMessageFeePayerSigner(authority, m),
      (m) => setTransactionMessageLifetimeUsingBlockhash({ blockhash: svm.latestBlockhash(), lastValidBlockHeight: 0n }, m),
      (m) => appendTransactionMessageInstructions([...instructions, memo], m),
    );
    const result = svm.sendTransaction(await signTransactionMessageWithSigners(message));
    if (result instanceof FailedTransactionMetadata) throw new Error(`set-up transaction failed: ${result.toString()}`);
  };

  return {
    authority,
    fund: (to, lamports) => run([getTransferSolInstruction({ source: authority, destination: to, amount: lamports })]),
    async createMint(decimals) {
      const mint = await generateKeyPairSigner();
      const space = getMintSize();
      await run([
        getCreateAccountInstruction({
          payer: authority,
          newAccount: mint,
          lamports: svm.minimumBalanceForRentExemption(BigInt(space)),
          space,
          programAddress: TOKEN_PROGRAM_ADDRESS,
        }),
        getInitializeMint2Instruction({ mint: mint.address, decimals, mintAuthority: authority.address }),
      ]);
      return mint.address;
    },
    async mintTo(mint, owner, amount) {
      const [ata] = await findAssociatedTokenPda({ owner, mint, tokenProgram: TOKEN_PROGRAM_ADDRESS });
      await run([
        getCreateAssociatedTokenIdempotentInstruction({ payer: authority, ata, owner, mint }),
        getMintToInstruction({ mint, token: ata, mintAuthority: authority, amount }),
      ]);
      return ata;
    },
  };
}
