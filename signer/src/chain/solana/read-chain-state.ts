import {
  type Address,
  type Blockhash,
  type GetLatestBlockhashApi,
  type GetMultipleAccountsApi,
  type MaybeEncodedAccount,
  type Rpc,
  fetchEncodedAccounts,
} from '@solana/kit';

/** What build needs to know about the chain: a fresh blockhash and the accounts the calls touch. */
export interface ChainState {
  lifetime: { blockhash: Blockhash; lastValidBlockHeight: bigint };
  accounts: ReadonlyMap<Address, MaybeEncodedAccount>;
}

/** getMultipleAccounts answers at most 100 addresses per call. */
const MAX_ACCOUNTS_PER_CALL = 100;

export async function readChainState(
  rpc: Rpc<GetLatestBlockhashApi & GetMultipleAccountsApi>,
  addresses: readonly Address[],
): Promise<ChainState> {
  const unique = [...new Set(addresses)];
  const chunks: Address[][] = [];
  for (let i = 0; i < unique.length; i += MAX_ACCOUNTS_PER_CALL) chunks.push(unique.slice(i, i + MAX_ACCOUNTS_PER_CALL));
  const [latest, ...fetched] = await Promise.all([
    rpc.getLatestBlockhash({ commitment: 'confirmed' }).send(),
    ...chunks.map((chunk) => fetchEncodedAccounts(rpc, chunk, { commitment: 'confirmed' })),
  ]);
  const accounts = new Map(fetched.flat().map((account) => [account.address, account]));
  return { lifetime: latest.value, accounts };
}
