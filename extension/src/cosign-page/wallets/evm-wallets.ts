import { type CosignRequest, cosignTypedData } from '@waiaas/protocol';
import { CosignPageError, type OwnerWallet } from './owner-wallet';

/** EIP-1193, as far as the window uses it. */
interface Eip1193Provider {
  request(args: { method: string; params?: readonly unknown[] }): Promise<unknown>;
}

// Every value a provider hands back is foreign and checked before use. Plain guards rather than zod:
// zod is no dependency of the extension (the popup must stay small) and protocol/ has no schema for
// these wallet shapes, which never cross to the signer as they are.
const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;
const isProviderInfo = (value: unknown): value is { uuid: string; name: string } =>
  typeof value === 'object' && value !== null && isText((value as Record<string, unknown>).uuid, 100) && isText((value as Record<string, unknown>).name, 100);
const firstAccount = (value: unknown): string | undefined =>
  Array.isArray(value) && typeof value[0] === 'string' && /^0x[0-9a-fA-F]{40}$/.test(value[0]) ? value[0] : undefined;
const isHexSignature = (value: unknown): value is string => typeof value === 'string' && /^0x[0-9a-fA-F]{130}$/.test(value);

const isProvider = (value: unknown): value is Eip1193Provider =>
  typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>).request === 'function';

/**
 * EVM wallets announcing themselves through EIP-6963 (MetaMask, Rabby, Coinbase…), now and later.
 * Returns the function that stops watching.
 */
export function watchEvmWallets(onChange: (wallets: OwnerWallet[]) => void): () => void {
  const found = new Map<string, OwnerWallet>();
  const onAnnounce = (event: Event) => {
    const detail: unknown = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'object' || detail === null) return;
    const { info, provider } = detail as { info?: unknown; provider?: unknown };
    if (!isProviderInfo(info) || !isProvider(provider) || found.has(info.uuid)) return;
    found.set(info.uuid, eip1193OwnerWallet(`eip6963:${info.uuid}`, info.name, provider));
    onChange([...found.values()]);
  };
  window.addEventListener('eip6963:announceProvider', onAnnounce);
  window.dispatchEvent(new Event('eip6963:requestProvider'));
  return () => window.removeEventListener('eip6963:announceProvider', onAnnounce);
}

/** An Owner wallet over an EIP-1193 provider: `eth_requestAccounts`, then `eth_signTypedData_v4`. */
export function eip1193OwnerWallet(id: string, name: string, provider: Eip1193Provider): OwnerWallet {
  // The account shared at connect: every later signature is asked of that account, not whichever
  // the wallet shows at the time.
  let address: string | null = null;
  const connect = async (): Promise<string> => {
    const account = firstAccount(await provider.request({ method: 'eth_requestAccounts' }));
    if (!account) throw new CosignPageError('COSIGN_PAGE__NO_ACCOUNT', `${name} shared no account.`);
    address = account;
    return account;
  };
  return {
    id,
    name,
    chain: 'evm',
    connect,
    async sign(request: CosignRequest) {
      if (request.format !== 'eip712') throw new CosignPageError('COSIGN_PAGE__WRONG_FORMAT', `${name} signs EIP-712 typed data, not ${request.format}.`);
      const from = address ?? (await connect());
      // The same typed data the signer renders again and verifies (recovering the address there).
      const typedData = JSON.stringify(cosignTypedData(request.fields));
      const signature = await provider.request({ method: 'eth_signTypedData_v4', params: [from, typedData] });
      if (!isHexSignature(signature)) throw new CosignPageError('COSIGN_PAGE__BAD_SIGNATURE', `${name} returned no EIP-712 signature.`);
      return { signature, address: from };
    },
  };
}
