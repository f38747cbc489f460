/// <reference lib="dom" />

export interface TestWalletOptions {
  solanaAddress: string;
  solanaPublicKey: number[];
  evmAddress: string;
  /** A Wallet Standard wallet (default on). */
  walletStandard?: boolean;
  /** Phantom's legacy `window.phantom.solana` provider, with `window.isPhantomInstalled` (default off). */
  legacyPhantom?: boolean;
  /** An EIP-1193 provider announced through EIP-6963 (default on). */
  eip6963?: boolean;
}

/**
 * Runs inside the page before its scripts (puppeteer `evaluateOnNewDocument`), so it must be
 * self-contained. Test wallets, named for what they are — Phantom and MetaMask cannot be installed
 * here — each announcing itself the way real wallets do:
 *  - a Wallet Standard wallet with what wallet-adapter needs to drive it (`standard:connect`,
 *    `standard:events`, `solana:signTransaction`) and `solana:signMessage`, registered with the
 *    `wallet-standard:register-wallet` / `wallet-standard:app-ready` handshake;
 *  - Phantom's legacy injection, `window.phantom.solana` (isPhantom, connect, signMessage, events);
 *  - an EIP-1193 provider announced through EIP-6963 (`eip6963:announceProvider`).
 * Keys stay in Node: the page's bytes go to `testSolanaSign` / `testEvmSignTypedData` (exposeFunction),
 * which may refuse as a wallet's user would; the refusal reaches the page as the wallet's error.
 */
export function installTestWallets(opts: TestWalletOptions): void {
  const bridge = window as unknown as {
    testSolanaSign(bytes: number[]): Promise<number[]>;
    testEvmSignTypedData(address: string, json: string): Promise<string>;
  };
  const icon = 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=' as const;
  const signSolana = async (message: Uint8Array) => new Uint8Array(await bridge.testSolanaSign(Array.from(message)));

  if (opts.walletStandard !== false) {
    const account = {
      address: opts.solanaAddress,
      publicKey: new Uint8Array(opts.solanaPublicKey),
      chains: ['solana:mainnet'] as const,
      features: ['solana:signMessage', 'solana:signTransaction'] as const,
    };
    const listeners = new Set<(properties: { accounts?: readonly (typeof account)[] }) => void>();
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
            for (const listener of listeners) listener({ accounts: wallet.accounts });
            return { accounts: wallet.accounts };
          },
        },
        'standard:events': {
          version: '1.0.0',
          on: (_event: 'change', listener: (properties: { accounts?: readonly (typeof account)[] }) => void) => {
            listeners.add(listener);
            return () => listeners.delete(listener);
          },
        },
        'solana:signTransaction': {
          version: '1.0.0',
          supportedTransactionVersions: ['legacy', 0] as const,
          signTransaction: () => Promise.reject(new Error('This test wallet signs messages only')),
        },
        'solana:signMessage': {
          version: '1.0.0',
          signMessage: (...inputs: { account: typeof account; message: Uint8Array }[]) =>
            Promise.all(inputs.map(async ({ message }) => ({ signedMessage: message, signature: await signSolana(message) }))),
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
  }

  if (opts.legacyPhantom) {
    const publicKey = { toBytes: () => new Uint8Array(opts.solanaPublicKey), toBase58: () => opts.solanaAddress, toString: () => opts.solanaAddress };
    const handlers = new Map<string, Set<(...args: unknown[]) => void>>();
    const emit = (event: string, ...args: unknown[]) => handlers.get(event)?.forEach((handler) => handler(...args));
    const provider = {
      isPhantom: true,
      isConnected: false,
      publicKey: null as typeof publicKey | null,
      connect: async () => {
        provider.isConnected = true;
        provider.publicKey = publicKey;
        emit('connect', publicKey);
        return { publicKey };
      },
      disconnect: async () => {
        provider.isConnected = false;
        provider.publicKey = null;
        emit('disconnect');
      },
      signMessage: async (message: Uint8Array) => {
        if (!provider.isConnected) throw Object.assign(new Error('Not connected'), { code: 4100 });
        return { signature: await signSolana(message), publicKey };
      },
      on: (event: string, handler: (...args: unknown[]) => void) => void handlers.set(event, (handlers.get(event) ?? new Set()).add(handler)),
      off: (event: string, handler: (...args: unknown[]) => void) => void handlers.get(event)?.delete(handler),
    };
    Object.assign(window, { phantom: { solana: provider }, isPhantomInstalled: true });
  }

  if (opts.eip6963 !== false) {
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
}

/**
 * The companion's side of the window, as the test plays it (puppeteer `evaluateOnNewDocument`):
 * records every message the page posts to itself for the companion, as the content script would.
 */
export function recordPageMessages(): void {
  const w = window as unknown as { pageMessages: { origin: string; data: unknown }[] };
  w.pageMessages = [];
  window.addEventListener('message', (event) => {
    const data: unknown = event.data;
    if (typeof data === 'object' && data !== null && (data as { source?: unknown }).source === 'waiaas-cosign-page') w.pageMessages.push({ origin: event.origin, data });
  });
}
