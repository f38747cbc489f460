/// <reference lib="dom" />
import { z } from 'zod';
import type { OwnerWallet } from './owner-wallet.js';

// EIP-1193 and EIP-6963 as the page uses them; every value a provider hands back is parsed.
interface Eip1193Provider {
  request(args: { method: string; params?: readonly unknown[] }): Promise<unknown>;
}
const ProviderInfo = z.object({ uuid: z.string().min(1).max(100), name: z.string().min(1).max(100), rdns: z.string().max(200) });
const Accounts = z.array(z.string().regex(/^0x[0-9a-fA-F]{40}$/)).min(1);
const HexSignature = z.string().regex(/^0x[0-9a-fA-F]{130}$/, 'must be a 65-byte 0x-hex signature');

const isProvider = (value: unknown): value is Eip1193Provider =>
  typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>).request === 'function';

/** EVM wallets announcing themselves through EIP-6963 (MetaMask, Rabby, Coinbase…), now and later. */
export function watchEvmWallets(onWallet: (wallet: OwnerWallet) => void): void {
  const seen = new Set<string>();
  window.addEventListener('eip6963:announceProvider', (event) => {
    const detail: unknown = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'object' || detail === null) return;
    const { info, provider } = detail as { info?: unknown; provider?: unknown };
    const parsed = ProviderInfo.safeParse(info);
    if (!parsed.success || !isProvider(provider) || seen.has(parsed.data.uuid)) return;
    seen.add(parsed.data.uuid);
    onWallet({ id: `eip6963:${parsed.data.uuid}`, name: parsed.data.name, sign: (typedData) => signWith(parsed.data.name, provider, typedData) });
  });
  window.dispatchEvent(new Event('eip6963:requestProvider'));
}

async function signWith(name: string, provider: Eip1193Provider, typedData: string): Promise<{ signature: string; address: string }> {
  const accounts = Accounts.safeParse(await provider.request({ method: 'eth_requestAccounts' }));
  if (!accounts.success) throw new Error(`${name} shared no account.`);
  const address = accounts.data[0] as string;
  const signature = HexSignature.safeParse(await provider.request({ method: 'eth_signTypedData_v4', params: [address, typedData] }));
  if (!signature.success) throw new Error(`${name} returned no EIP-712 signature.`);
  return { signature: signature.data, address };
}
