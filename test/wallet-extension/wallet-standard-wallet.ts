/// <reference lib="dom" />
import type { SolanaKey } from './solana-key.js';
import { assertIsBytes, testWalletIcon } from './solana-key.js';
import { signSolanaTransaction } from './sign-solana-transaction.js';
import { INVALID_PARAMS, type Prompt, TestWalletError, toHex, UNAUTHORIZED } from './test-wallet-control.js';

export const WALLET_STANDARD_NAME = 'Test Phantom (Wallet Standard)';
const CHAINS = ['solana:mainnet', 'solana:devnet', 'solana:localnet'] as const;

interface Account {
  readonly address: string;
  readonly publicKey: Uint8Array;
  readonly chains: typeof CHAINS;
  readonly features: readonly ['solana:signMessage', 'solana:signTransaction'];
  readonly label: string;
}
type ChangeListener = (properties: { accounts: readonly Account[] }) => void;

/**
 * A Wallet Standard wallet (the interface Phantom and other Solana wallets register today):
 * `standard:connect`, a minimal `standard:events`, `solana:signMessage` and `solana:signTransaction`
 * (without which wallet-adapter's StandardWalletAdapter does not offer a wallet), shaped as
 * @wallet-standard/base describes, with no dependency on it so the bundle stays small.
 */
export function createWalletStandardWallet(key: SolanaKey, prompt: Prompt) {
  const account: Account = { address: key.address, publicKey: key.publicKey, chains: CHAINS, features: ['solana:signMessage', 'solana:signTransaction'], label: 'Test account' };
  let accounts: readonly Account[] = [];
  const listeners = new Set<ChangeListener>();
  const setAccounts = (next: readonly Account[]) => {
    accounts = next;
    for (const listener of listeners) listener({ accounts });
  };

  return {
    version: '1.0.0' as const,
    name: WALLET_STANDARD_NAME,
    icon: testWalletIcon('#ab9ff2'),
    chains: CHAINS,
    get accounts() {
      return accounts;
    },
    features: {
      'standard:connect': {
        version: '1.0.0' as const,
        // Like Phantom: a silent connect returns the accounts only if the user already approved one.
        connect: async (input?: { silent?: boolean }) => {
          if (input?.silent === true && accounts.length === 0) return { accounts };
          if (accounts.length === 0) await prompt.run('wallet-standard', 'standard:connect', { silent: input?.silent ?? false }, () => setAccounts([account]));
          return { accounts };
        },
      },
      'standard:events': {
        version: '1.0.0' as const,
        on: (event: 'change', listener: ChangeListener) => {
          if (event !== 'change') return () => undefined;
          listeners.add(listener);
          return () => void listeners.delete(listener);
        },
      },
      'solana:signMessage': {
        version: '1.1.0' as const,
        signMessage: async (...inputs: { account: { address: string }; message: Uint8Array }[]) => {
          for (const input of inputs) {
            if (input?.account?.address !== key.address || !accounts.includes(account)) {
              throw new TestWalletError(UNAUTHORIZED, 'The requested account has not been authorized by the user.');
            }
            assertIsBytes(input.message, 'message');
          }
          if (inputs.length === 0) throw new TestWalletError(INVALID_PARAMS, 'signMessage needs at least one input.');
          const params = inputs.map((input) => ({ address: input.account.address, message: toHex(input.message) }));
          return prompt.run('wallet-standard', 'solana:signMessage', params, () =>
            inputs.map(({ message }) => ({ signedMessage: message, signature: key.sign(message), signatureType: 'ed25519' as const })),
          );
        },
      },
      'solana:signTransaction': {
        version: '1.0.0' as const,
        supportedTransactionVersions: ['legacy', 0] as const,
        signTransaction: async (...inputs: { account: { address: string }; transaction: Uint8Array }[]) => {
          for (const input of inputs) {
            if (input?.account?.address !== key.address || !accounts.includes(account)) {
              throw new TestWalletError(UNAUTHORIZED, 'The requested account has not been authorized by the user.');
            }
            assertIsBytes(input.transaction, 'transaction');
          }
          const params = inputs.map((input) => ({ address: input.account.address, transaction: toHex(input.transaction) }));
          return prompt.run('wallet-standard', 'solana:signTransaction', params, () =>
            inputs.map(({ transaction }) => ({ signedTransaction: signSolanaTransaction(key, transaction) })),
          );
        },
      },
    },
  };
}

export type WalletStandardTestWallet = ReturnType<typeof createWalletStandardWallet>;

/**
 * @wallet-standard/wallet's registerWallet handshake: announce now for apps already listening, and
 * answer every later `wallet-standard:app-ready` for apps that start after us (the usual case at
 * document_start).
 */
export function registerWallet(wallet: WalletStandardTestWallet): void {
  const callback = ({ register }: { register(wallet: WalletStandardTestWallet): unknown }) => register(wallet);
  class RegisterWalletEvent extends Event {
    readonly detail = callback;
    constructor() {
      super('wallet-standard:register-wallet', { bubbles: false, cancelable: false, composed: false });
    }
  }
  window.dispatchEvent(new RegisterWalletEvent());
  window.addEventListener('wallet-standard:app-ready', (event) => {
    const api = (event as CustomEvent<{ register(wallet: WalletStandardTestWallet): unknown }>).detail;
    if (typeof api?.register === 'function') callback(api);
  });
}
