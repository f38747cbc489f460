/// <reference lib="dom" />
import type { SolanaKey } from './solana-key.js';
import { assertIsBytes } from './solana-key.js';
import { INVALID_PARAMS, type Prompt, TestWalletError, toHex, UNAUTHORIZED, userRejected } from './test-wallet-control.js';

/** What @solana/web3.js's PublicKey offers that dapps and wallet-adapter-phantom call. */
interface PublicKeyLike {
  toBytes(): Uint8Array;
  toBase58(): string;
  toString(): string;
  toJSON(): string;
  equals(other: { toBase58(): string }): boolean;
}

type PhantomEvent = 'connect' | 'disconnect' | 'accountChanged';
type Listener = (...args: unknown[]) => void;

function publicKeyOf(key: SolanaKey): PublicKeyLike {
  return {
    toBytes: () => key.publicKey.slice(),
    toBase58: () => key.address,
    toString: () => key.address,
    toJSON: () => key.address,
    equals: (other) => other.toBase58() === key.address,
  };
}

/**
 * Phantom's legacy injected provider (`window.phantom.solana`), as @solana/wallet-adapter-phantom
 * drives it: connect → { publicKey }, signMessage(bytes, display) → { signature, publicKey }, and
 * connect / disconnect / accountChanged events.
 */
export function createPhantomProvider(key: SolanaKey, prompt: Prompt) {
  const publicKey = publicKeyOf(key);
  const listeners = new Map<PhantomEvent, Set<Listener>>();
  let trusted = false;
  const emit = (event: PhantomEvent, ...args: unknown[]) => {
    for (const listener of listeners.get(event) ?? []) listener(...args);
  };

  const provider = {
    isPhantom: true as const,
    publicKey: null as PublicKeyLike | null,
    isConnected: false,
    // Phantom refuses an `onlyIfTrusted` connect from a site the user never approved, without a prompt.
    async connect(options?: { onlyIfTrusted?: boolean }) {
      if (!provider.isConnected) {
        if (options?.onlyIfTrusted === true && !trusted) throw userRejected();
        await prompt.run('phantom', 'connect', { onlyIfTrusted: options?.onlyIfTrusted ?? false }, () => {
          trusted = true;
        });
        provider.isConnected = true;
        provider.publicKey = publicKey;
        emit('connect', publicKey);
      }
      return { publicKey };
    },
    async disconnect() {
      if (!provider.isConnected) return;
      provider.isConnected = false;
      provider.publicKey = null;
      emit('disconnect');
    },
    async signMessage(message: unknown, display: unknown = 'utf8') {
      if (!provider.isConnected) throw new TestWalletError(UNAUTHORIZED, 'The requested account has not been authorized by the user.');
      assertIsBytes(message, 'message');
      if (display !== 'utf8' && display !== 'hex') throw new TestWalletError(INVALID_PARAMS, 'display must be "utf8" or "hex".');
      return prompt.run('phantom', 'signMessage', { message: toHex(message), display }, () => ({ signature: key.sign(message), publicKey }));
    },
    on(event: PhantomEvent, listener: Listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(event, set);
      return provider;
    },
    off(event: PhantomEvent, listener: Listener) {
      listeners.get(event)?.delete(listener);
      return provider;
    },
  };
  return provider;
}
