import type { Address, MaybeEncodedAccount } from '@solana/kit';
import { TOKEN_PROGRAM_ADDRESS, getTokenDecoder, getTokenSize } from '@solana-program/token';
import type { BalanceChange } from '../chain-adapter.js';

/**
 * How `owner`'s holdings differ between two views of the same accounts: lamports of the owner's
 * account (so fees and rent paid are included) and, per mint, the amounts in TOKEN-program
 * accounts the owner owns. Native comes first and always; tokens only when they move.
 */
export function balanceChanges(
  owner: Address,
  before: readonly MaybeEncodedAccount[],
  after: readonly MaybeEncodedAccount[],
): BalanceChange[] {
  const tokens = new Map<string, bigint>();
  const count = (accounts: readonly MaybeEncodedAccount[], sign: 1n | -1n) => {
    for (const account of accounts) {
      const holding = tokenHolding(account);
      if (holding?.owner === owner) tokens.set(holding.mint, (tokens.get(holding.mint) ?? 0n) + sign * holding.amount);
    }
  };
  count(before, -1n);
  count(after, 1n);
  const native = { asset: 'native', delta: lamportsOf(after, owner) - lamportsOf(before, owner) };
  const moved = [...tokens].filter(([, delta]) => delta !== 0n).map(([asset, delta]) => ({ asset, delta }));
  return [native, ...moved];
}

function lamportsOf(accounts: readonly MaybeEncodedAccount[], owner: Address): bigint {
  const account = accounts.find((a) => a.address === owner);
  return account?.exists ? account.lamports : 0n;
}

function tokenHolding(account: MaybeEncodedAccount): { owner: Address; mint: Address; amount: bigint } | undefined {
  if (!account.exists || account.programAddress !== TOKEN_PROGRAM_ADDRESS || account.data.length !== getTokenSize()) return undefined;
  const { owner, mint, amount } = getTokenDecoder().decode(account.data);
  return { owner, mint, amount };
}
