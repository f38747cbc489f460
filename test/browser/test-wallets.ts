/// <reference lib="dom" />

/**
 * Runs inside the page before its scripts (puppeteer `evaluateOnNewDocument`), so it must be
 * self-contained. Two test wallets, named for what they are — Phantom and MetaMask cannot be
 * installed here — each announcing itself the way real wallets do:
 *  - a Wallet Standard wallet with `standard:connect` and `solana:signMessage`, registered with the
 *    `wallet-standard:register-wallet` / `wallet-standard:app-ready` handshake;
 *  - an EIP-1193 provider announced through EIP-6963 (`eip6963:announceProvider`).
 * Keys stay in Node: the page's bytes go to `testSolanaSign` / `testEvmSignTypedData` (exposeFunction).
 */
export function installTestWallets(opts: { solanaAddress: string; solanaPublicKey: number[]; evmAddress: string }): void {
  const bridge = window as unknown as {
    testSolanaSign(bytes: number[]): Promise<number[]>;
    testEvmSignTypedData(address: string, json: string): Promise<string>;
  };
  const icon = 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=' as const;
  const account = { address: opts.solanaAddress, publicKey: new Uint8Array(opts.solanaPublicKey), chains: ['solana:mainnet'] as const, features: ['solana:signMessage'] as const };
  const wallet = {
    version: '1.0.0' as const,
    name: 'Test wallet implementing Wallet Standard',
    icon,
    chains: ['solana:mainnet'] as const,
    accounts: [] as (typeof account)[],
    features: {
      'standard:connect': {
        version: '1.0.0',
        connect: async () => {
          wallet.accounts = [account];
          return { accounts: wallet.accounts };
        },
      },
      'solana:signMessage': {
        version: '1.0.0',
        signMessage: (...inputs: { account: typeof account; message: Uint8Array }[]) =>
          Promise.all(inputs.map(async ({ message }) => ({ signedMessage: message, signature: new Uint8Array(await bridge.testSolanaSign(Array.from(message))) }))),
      },
    },
  };
  // @wallet-standard/wallet's registerWallet: announce now, and answer the app when it is ready.
  const callback = ({ register }: { register(w: typeof wallet): unknown }) => register(wallet);
  class RegisterWalletEvent extends Event {
    readonly detail = callback;
    constructor() {
      super('wallet-standard:register-wallet', { bubbles: false, cancelable: false, composed: false });
    }
  }
  window.dispatchEvent(new RegisterWalletEvent());
  window.addEventListener('wallet-standard:app-ready', (event) => callback((event as CustomEvent<{ register(w: typeof wallet): unknown }>).detail));

  const provider = {
    request: async ({ method, params }: { method: string; params?: unknown[] }) => {
      if (method === 'eth_requestAccounts' || method === 'eth_accounts') return [opts.evmAddress];
      if (method === 'eth_signTypedData_v4') return bridge.testEvmSignTypedData(String(params?.[0]), String(params?.[1]));
      throw Object.assign(new Error(`The method ${method} is not supported by this test wallet`), { code: 4200 });
    },
  };
  const info = Object.freeze({ uuid: '6f0bd6f2-5d1c-4c39-9d3e-6b1f3f3c2a10', name: 'Test wallet implementing EIP-6963 / EIP-1193', icon, rdns: 'test.waiaas' });
  const announce = () => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }));
  window.addEventListener('eip6963:requestProvider', announce);
  announce();
}
