/*
 * A local Solana node for tests: LiteSVM behind a JSON-RPC server that answers the methods the
 * Solana adapter calls, in the shapes Agave answers them. No validator is obtainable here (see
 * shared/ENVIRONMENT.md), so this is the chain the adapter's tests run against.
 */
import { type Address, type Commitment, address } from '@solana/kit';
import { TOKEN_PROGRAM_ADDRESS, findAssociatedTokenPda, getTokenDecoder } from '@solana-program/token';
import { LiteSVM } from 'litesvm';
import { createAccountMethods } from './account-methods.js';
import { type BlockClock, createBlockClock } from './block-clock.js';
import { type Outage, startJsonRpcServer } from './json-rpc-server.js';
import { createSetupTransactions } from './setup-transactions.js';
import { createTransactionMethods } from './transaction-methods.js';

export type { Outage };

export interface LocalSolana {
  readonly url: string;
  readonly svm: LiteSVM;
  readonly clock: BlockClock;
  /** Every RPC method called so far, in order. */
  readonly calls: readonly string[];
  /** Sends `lamports` from a funded faucet, in a real transfer. */
  airdrop(to: string, lamports: bigint): Promise<void>;
  /** A real SPL Token mint (TOKEN program), made with createAccount + initializeMint2. */
  createMint(decimals: number): Promise<Address>;
  /** Mints to `owner`'s associated token account, creating it if missing; returns that account. */
  mintTo(mint: Address, owner: string, amount: bigint): Promise<Address>;
  lamports(account: string): bigint;
  /** The token amount in `owner`'s associated token account for `mint` (0 if it does not exist). */
  tokenBalance(mint: Address, owner: string): Promise<bigint>;
  /** Moves the block height past every blockhash handed out so far. */
  expireBlockhash(): void;
  /** How getSignatureStatuses reports landed transactions from now on (default: finalized). */
  reportLandedAs(commitment: Commitment): void;
  /** Makes the node answer 503, reset connections or hang, until called with undefined. */
  setOutage(outage: Outage | undefined): void;
  stop(): Promise<void>;
}

export async function startLocalSolana(): Promise<LocalSolana> {
  const svm = new LiteSVM();
  const clock = createBlockClock(svm);
  const state = { landedAs: 'finalized' as Commitment };
  const setup = await createSetupTransactions(svm);
  const server = await startJsonRpcServer({
    ...createAccountMethods(svm, clock),
    ...createTransactionMethods(svm, clock, state),
  });
  const tokenAccount = async (mint: Address, owner: string) =>
    (await findAssociatedTokenPda({ owner: address(owner), mint, tokenProgram: TOKEN_PROGRAM_ADDRESS }))[0];

  return {
    url: server.url,
    svm,
    clock,
    calls: server.calls,
    airdrop: (to, lamports) => setup.fund(address(to), lamports),
    createMint: (decimals) => setup.createMint(decimals),
    mintTo: (mint, owner, amount) => setup.mintTo(mint, address(owner), amount),
    lamports: (account) => svm.getBalance(address(account)) ?? 0n,
    async tokenBalance(mint, owner) {
      const account = svm.getAccount(await tokenAccount(mint, owner));
      return account.exists ? getTokenDecoder().decode(account.data).amount : 0n;
    },
    expireBlockhash: () => clock.expireBlockhash(),
    reportLandedAs: (commitment) => {
      state.landedAs = commitment;
    },
    setOutage: (outage) => server.setOutage(outage),
    stop: () => server.close(),
  };
}
