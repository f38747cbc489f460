/// <reference lib="dom" />
import type { Hex, TypedDataDefinition } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { INTERNAL_ERROR, INVALID_PARAMS, type Prompt, TestWalletError, UNAUTHORIZED, UNSUPPORTED_METHOD } from './test-wallet-control.js';
import { testWalletIcon } from './solana-key.js';

export const EIP6963_INFO = Object.freeze({
  uuid: '0b7e8f5e-3c1a-4f3e-9a51-6d2f0c4b7a11',
  name: 'Test MetaMask (EIP-6963)',
  icon: testWalletIcon('#f6851b'),
  rdns: 'io.metamask.test',
});

type ProviderEvent = 'accountsChanged' | 'chainChanged' | 'connect' | 'disconnect';
type Listener = (value: unknown) => void;

const isHex = (value: unknown): value is Hex => typeof value === 'string' && /^0x([0-9a-fA-F]{2})*$/.test(value);
const sameAddress = (a: unknown, b: string) => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

/** MetaMask takes the typed data as a JSON string (v4) and checks its shape before prompting. */
function parseTypedData(value: unknown): TypedDataDefinition {
  let data: unknown = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value);
    } catch {
      throw new TestWalletError(INVALID_PARAMS, 'The typed data is not valid JSON.');
    }
  }
  const d = data as Partial<Record<'types' | 'primaryType' | 'domain' | 'message', unknown>> | null;
  if (typeof d !== 'object' || d === null || typeof d.types !== 'object' || typeof d.primaryType !== 'string' || typeof d.message !== 'object') {
    throw new TestWalletError(INVALID_PARAMS, 'The typed data needs types, primaryType and message.');
  }
  return d as TypedDataDefinition;
}

/**
 * An EIP-1193 provider that signs with a real secp256k1 key (viem) in the page. Like MetaMask it
 * answers eth_accounts with [] until eth_requestAccounts is approved, refuses to sign for another
 * address (4100) and refuses typed data whose domain names another chain.
 */
export function createEip1193Provider(privateKey: Hex, chainId: number, prompt: Prompt) {
  const account = privateKeyToAccount(privateKey);
  const chainIdHex = `0x${chainId.toString(16)}`;
  const listeners = new Map<ProviderEvent, Set<Listener>>();
  let connected = false;
  const emit = (event: ProviderEvent, value: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(value);
  };
  const assertConnected = (address: unknown) => {
    if (!connected || !sameAddress(address, account.address)) {
      throw new TestWalletError(UNAUTHORIZED, 'The requested account and/or method has not been authorized by the user.');
    }
  };

  async function request(args: { method: string; params?: unknown }): Promise<unknown> {
    const method = args?.method;
    const params = Array.isArray(args?.params) ? (args.params as unknown[]) : [];
    switch (method) {
      case 'eth_chainId':
        return chainIdHex;
      case 'eth_accounts':
        return connected ? [account.address] : [];
      case 'eth_requestAccounts':
        if (!connected) {
          await prompt.run('eip1193', method, [], () => {
            connected = true;
          });
          emit('accountsChanged', [account.address]);
        }
        return [account.address];
      case 'personal_sign': {
        const [data, address] = params;
        assertConnected(address);
        if (typeof data !== 'string') throw new TestWalletError(INVALID_PARAMS, 'personal_sign needs the message as a string.');
        // MetaMask signs hex as raw bytes and anything else as its UTF-8 text.
        return prompt.run('eip1193', method, [data, address], () => account.signMessage({ message: isHex(data) ? { raw: data } : data }));
      }
      case 'eth_signTypedData_v4': {
        const [address, json] = params;
        assertConnected(address);
        const typedData = parseTypedData(json);
        const domainChain = (typedData.domain as { chainId?: unknown } | undefined)?.chainId;
        if (domainChain !== undefined && Number(domainChain) !== chainId) {
          throw new TestWalletError(INTERNAL_ERROR, `Provided chainId "${String(domainChain)}" must match the active chainId "${chainId}"`);
        }
        return prompt.run('eip1193', method, [address, typeof json === 'string' ? json : JSON.stringify(json)], () => account.signTypedData(typedData));
      }
      default:
        throw new TestWalletError(UNSUPPORTED_METHOD, `The method "${String(method)}" is not supported by this test wallet.`);
    }
  }

  const provider = {
    isMetaMask: true as const,
    request,
    on(event: ProviderEvent, listener: Listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(event, set);
      return provider;
    },
    removeListener(event: ProviderEvent, listener: Listener) {
      listeners.get(event)?.delete(listener);
      return provider;
    },
  };
  return provider;
}

/** EIP-6963: announce now and again whenever a dapp asks with `eip6963:requestProvider`. */
export function announceProvider(provider: ReturnType<typeof createEip1193Provider>): void {
  const detail = Object.freeze({ info: EIP6963_INFO, provider });
  const announce = () => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail }));
  window.addEventListener('eip6963:requestProvider', announce);
  announce();
}
