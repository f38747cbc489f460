import type { Address } from '@solana/kit';
import { TOKEN_PROGRAM_ADDRESS, getMintDecoder, getMintSize, getTokenDecoder, getTokenSize } from '@solana-program/token';
import { WaiaasError } from '@waiaas/protocol';
import type { Network } from '../chain-adapter.js';
import type { ChainState } from './read-chain-state.js';
import { type TokenAccounts, tokenAccount } from './token-accounts.js';
import { type SolanaCall, invalidCall } from './validate-intent.js';

type Call<T extends SolanaCall['type']> = Extract<SolanaCall, { type: T }>;

/** A call with what the chain told us: decimals, token accounts, and whether to create the recipient's. */
export type ResolvedCall =
  | Call<'TRANSFER'>
  | Call<'CONTRACT_CALL'>
  | (Call<'TOKEN_TRANSFER'> & { decimals: number; source: Address; destination: Address; createDestination: boolean })
  | (Call<'APPROVE'> & { decimals: number; source: Address });

/**
 * Checks the calls against the chain, before anything is signed: every mint is an initialised
 * TOKEN-program mint (CHAIN__UNKNOWN_TOKEN), every program exists (CHAIN__INVALID_CALL), and the
 * wallet holds what the calls send (CHAIN__INSUFFICIENT_FUNDS; fees and rent are left to simulate).
 */
export function resolveCalls(
  network: Network,
  from: Address,
  calls: readonly SolanaCall[],
  tokenAccounts: TokenAccounts,
  state: ChainState,
): ResolvedCall[] {
  const created = new Set<Address>();
  const resolved = calls.map((call): ResolvedCall => {
    switch (call.type) {
      case 'TRANSFER':
        return call;
      case 'CONTRACT_CALL':
        assertProgram(network, state, call.program);
        return call;
      case 'APPROVE':
        return { ...call, decimals: mintDecimals(network, state, call.mint), source: tokenAccount(tokenAccounts, from, call.mint) };
      case 'TOKEN_TRANSFER': {
        const decimals = mintDecimals(network, state, call.mint);
        assertWalletRecipient(state, call.to);
        const destination = tokenAccount(tokenAccounts, call.to, call.mint);
        // Created once per batch, and only when missing (idempotently, in case someone beats us to it).
        const createDestination = !state.accounts.get(destination)?.exists && !created.has(destination);
        created.add(destination);
        return { ...call, decimals, source: tokenAccount(tokenAccounts, from, call.mint), destination, createDestination };
      }
    }
  });
  assertFunds(from, resolved, state);
  return resolved;
}

function mintDecimals(network: Network, state: ChainState, mint: Address): number {
  const account = state.accounts.get(mint);
  const isMint = account?.exists && account.programAddress === TOKEN_PROGRAM_ADDRESS && account.data.length === getMintSize();
  const decoded = isMint ? getMintDecoder().decode(account.data) : undefined;
  if (!decoded?.isInitialized) throw new WaiaasError('CHAIN__UNKNOWN_TOKEN', { token: mint, network: network.name });
  return decoded.decimals;
}

/*
 * Tokens go to the recipient's associated token account. A recipient that is itself a token
 * account (a common paste mistake) would get an associated account nobody can spend from.
 */
function assertWalletRecipient(state: ChainState, to: Address): void {
  const account = state.accounts.get(to);
  if (account?.exists && account.programAddress === TOKEN_PROGRAM_ADDRESS) {
    throw invalidCall(`${to} is a token account, not a wallet: send to the wallet that owns it`);
  }
}

function assertProgram(network: Network, state: ChainState, program: Address): void {
  const account = state.accounts.get(program);
  if (!account?.exists) throw invalidCall(`program ${program} does not exist on ${network.name}`);
  if (!account.executable) throw invalidCall(`${program} is not an executable program`);
}

function assertFunds(from: Address, calls: readonly ResolvedCall[], state: ChainState): void {
  const needed = new Map<string, bigint>();
  const add = (asset: string, amount: bigint) => needed.set(asset, (needed.get(asset) ?? 0n) + amount);
  const sources = new Map<string, Address>();
  for (const call of calls) {
    if (call.type === 'TRANSFER') add('native', call.amount);
    if (call.type === 'TOKEN_TRANSFER') {
      add(call.mint, call.amount);
      sources.set(call.mint, call.source);
    }
  }
  for (const [asset, amount] of needed) {
    const available = asset === 'native' ? lamportsOf(state, from) : tokenAmountOf(state, sources.get(asset));
    if (amount > available) {
      throw new WaiaasError('CHAIN__INSUFFICIENT_FUNDS', {
        address: from,
        asset,
        needed: amount.toString(),
        available: available.toString(),
      });
    }
  }
}

function lamportsOf(state: ChainState, address: Address): bigint {
  const account = state.accounts.get(address);
  return account?.exists ? account.lamports : 0n;
}

function tokenAmountOf(state: ChainState, address: Address | undefined): bigint {
  const account = address === undefined ? undefined : state.accounts.get(address);
  const isTokenAccount = account?.exists && account.programAddress === TOKEN_PROGRAM_ADDRESS && account.data.length === getTokenSize();
  return isTokenAccount ? getTokenDecoder().decode(account.data).amount : 0n;
}
