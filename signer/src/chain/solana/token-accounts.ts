import type { Address } from '@solana/kit';
import { TOKEN_PROGRAM_ADDRESS, findAssociatedTokenPda } from '@solana-program/token';
import type { SolanaCall } from './validate-intent.js';

/** Associated token accounts by `${owner}/${mint}`. */
export type TokenAccounts = ReadonlyMap<string, Address>;

export const tokenAccountKey = (owner: Address, mint: Address): string => `${owner}/${mint}`;

/**
 * The associated token accounts (TOKEN program) that token calls read from and pay into: the
 * wallet's own for every mint it spends or approves, and each recipient's.
 */
export async function findTokenAccounts(from: Address, calls: readonly SolanaCall[]): Promise<TokenAccounts> {
  const pairs: [Address, Address][] = [];
  for (const call of calls) {
    if (call.type === 'TOKEN_TRANSFER') pairs.push([from, call.mint], [call.to, call.mint]);
    if (call.type === 'APPROVE') pairs.push([from, call.mint]);
  }
  const entries = await Promise.all(
    pairs.map(async ([owner, mint]) => {
      const [ata] = await findAssociatedTokenPda({ owner, mint, tokenProgram: TOKEN_PROGRAM_ADDRESS });
      return [tokenAccountKey(owner, mint), ata] as const;
    }),
  );
  return new Map(entries);
}

/** Looks up an account found by findTokenAccounts; a miss is a bug in the caller. */
export function tokenAccount(accounts: TokenAccounts, owner: Address, mint: Address): Address {
  const ata = accounts.get(tokenAccountKey(owner, mint));
  if (ata === undefined) throw new Error(`no associated token account derived for ${owner}/${mint}`);
  return ata;
}
