import type { GetBalanceApi, GetTokenAccountsByOwnerApi, Rpc } from '@solana/kit';
import { TOKEN_PROGRAM_ADDRESS } from '@solana-program/token';
import type { Asset } from '../chain-adapter.js';
import { solanaAddress } from './validate-intent.js';

export async function getSolanaBalance(rpc: Rpc<GetBalanceApi>, address: string): Promise<bigint> {
  const { value } = await rpc.getBalance(solanaAddress(address), { commitment: 'confirmed' }).send();
  return value;
}

/**
 * SOL, then one entry per mint the address holds TOKEN-program accounts for (amounts of several
 * accounts of one mint added up; empty accounts included). No symbols: SPL mints carry none.
 */
export async function getSolanaAssets(rpc: Rpc<GetBalanceApi & GetTokenAccountsByOwnerApi>, address: string): Promise<Asset[]> {
  const owner = solanaAddress(address);
  const [lamports, tokens] = await Promise.all([
    rpc.getBalance(owner, { commitment: 'confirmed' }).send(),
    rpc.getTokenAccountsByOwner(owner, { programId: TOKEN_PROGRAM_ADDRESS }, { encoding: 'jsonParsed', commitment: 'confirmed' }).send(),
  ]);
  const byMint = new Map<string, Asset>();
  for (const { account } of tokens.value) {
    const { mint, tokenAmount } = account.data.parsed.info;
    const held = byMint.get(mint);
    byMint.set(mint, { asset: mint, decimals: tokenAmount.decimals, balance: (held?.balance ?? 0n) + BigInt(tokenAmount.amount) });
  }
  return [{ asset: 'native', symbol: 'SOL', decimals: 9, balance: lamports.value }, ...byMint.values()];
}
