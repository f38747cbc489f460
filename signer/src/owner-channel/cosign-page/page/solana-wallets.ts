/// <reference lib="dom" />
import { getBase58Decoder } from '@solana/kit';
import { getWallets } from '@wallet-standard/app';
import type { Wallet, WalletAccount } from '@wallet-standard/base';
import type { OwnerWallet } from './owner-wallet.js';

// The two Wallet Standard features the page uses, typed here rather than pulling in a package for
// two signatures; each is checked at run time before use, since a wallet is foreign code.
interface SignMessageFeature {
  signMessage(...inputs: { account: WalletAccount; message: Uint8Array }[]): Promise<readonly { signedMessage: Uint8Array; signature: Uint8Array }[]>;
}
interface ConnectFeature {
  connect(input?: { silent?: boolean }): Promise<{ accounts: readonly WalletAccount[] }>;
}

const hasMethod = (value: unknown, name: string): boolean =>
  typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)[name] === 'function';

const signMessageOf = (wallet: Wallet) => {
  const feature = wallet.features['solana:signMessage'];
  return hasMethod(feature, 'signMessage') ? (feature as SignMessageFeature) : undefined;
};

/** Solana wallets that registered through Wallet Standard (Phantom, Solflare, Backpack…), now and later. */
export function watchSolanaWallets(onWallet: (wallet: OwnerWallet) => void): void {
  const { get, on } = getWallets();
  const seen = new Set<Wallet>();
  const offer = (...wallets: readonly Wallet[]) => {
    for (const wallet of wallets) {
      if (seen.has(wallet) || !signMessageOf(wallet)) continue;
      seen.add(wallet);
      onWallet({ id: `standard:${wallet.name}`, name: wallet.name, sign: (request) => signWith(wallet, request) });
    }
  };
  on('register', offer);
  offer(...get());
}

async function signWith(wallet: Wallet, text: string): Promise<{ signature: string; address: string }> {
  const signer = signMessageOf(wallet);
  if (!signer) throw new Error(`${wallet.name} no longer offers message signing.`);
  let accounts = wallet.accounts;
  if (accounts.length === 0) {
    const connect = wallet.features['standard:connect'];
    if (!hasMethod(connect, 'connect')) throw new Error(`${wallet.name} has no account and cannot connect.`);
    accounts = (await (connect as ConnectFeature).connect()).accounts;
  }
  const account = accounts.find((a) => a.features.includes('solana:signMessage')) ?? accounts[0];
  if (!account) throw new Error(`${wallet.name} shared no account.`);
  const message = new TextEncoder().encode(text);
  const [output] = await signer.signMessage({ account, message });
  if (!output || !(output.signature instanceof Uint8Array) || output.signature.length !== 64) throw new Error(`${wallet.name} returned no Ed25519 signature.`);
  // The signer verifies over the exact text it issued: a wallet that altered the message would
  // produce a signature the signer refuses, so say so here instead.
  if (!sameBytes(output.signedMessage, message)) throw new Error(`${wallet.name} signed a different message than the one shown.`);
  return { signature: getBase58Decoder().decode(output.signature), address: account.address };
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a instanceof Uint8Array && a.length === b.length && a.every((v, i) => v === b[i]);
