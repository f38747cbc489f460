import { isWalletAdapterCompatibleStandardWallet, WalletReadyState } from '@solana/wallet-adapter-base';
import { PhantomWalletAdapter, PhantomWalletName } from '@solana/wallet-adapter-phantom';
import { StandardWalletAdapter } from '@solana/wallet-standard-wallet-adapter-base';
import { getWallets } from '@wallet-standard/app';
import { adapterOwnerWallet } from './adapter-owner-wallet';
import type { OwnerWallet } from './owner-wallet';

type StandardWallet = ReturnType<ReturnType<typeof getWallets>['get']>[number];

/** Phantom's legacy injection, which the Phantom adapter reads. */
interface LegacyPhantomWindow {
  phantom?: { solana?: unknown };
}

/** Wallet Standard wallets that can sign a Solana message, and that wallet-adapter can drive. */
const canSignSolanaMessages = (wallet: StandardWallet) =>
  isWalletAdapterCompatibleStandardWallet(wallet) && 'solana:signMessage' in wallet.features && wallet.chains.some((chain) => chain.startsWith('solana:'));

/**
 * The Solana wallets in this page, now and as they come and go, through wallet-adapter:
 * Wallet Standard wallets (Phantom, Solflare, Backpack, MetaMask's Solana side…) wrapped in
 * `StandardWalletAdapter`, plus Phantom's legacy `window.phantom.solana` through `PhantomWalletAdapter`
 * for a Phantom that did not register through Wallet Standard. One entry per name, Standard first.
 * Returns the function that stops watching.
 */
export function watchSolanaWallets(onChange: (wallets: OwnerWallet[]) => void): () => void {
  const { get, on } = getWallets();
  const standard = new Map<StandardWallet, { adapter: StandardWalletAdapter; wallet: OwnerWallet }>();
  let legacyPhantom: OwnerWallet | null = null;

  const publish = () => {
    const byName = new Map<string, OwnerWallet>();
    for (const { wallet } of standard.values()) if (!byName.has(wallet.name)) byName.set(wallet.name, wallet);
    if (legacyPhantom && !byName.has(PhantomWalletName)) byName.set(PhantomWalletName, legacyPhantom);
    onChange([...byName.values()]);
  };
  const add = (...wallets: readonly StandardWallet[]) => {
    for (const wallet of wallets) {
      if (standard.has(wallet) || !isWalletAdapterCompatibleStandardWallet(wallet) || !canSignSolanaMessages(wallet)) continue;
      const adapter = new StandardWalletAdapter({ wallet });
      standard.set(wallet, { adapter, wallet: adapterOwnerWallet(adapter, `standard:${wallet.name}`) });
    }
    publish();
  };
  const remove = (...wallets: readonly StandardWallet[]) => {
    for (const wallet of wallets) {
      standard.get(wallet)?.adapter.destroy();
      standard.delete(wallet);
    }
    publish();
  };

  const stopRegister = on('register', add);
  const stopUnregister = on('unregister', remove);
  add(...get());

  // The Phantom adapter polls for its provider until it appears: create it only when the provider
  // is there already (wallets inject at document start, before this page's script runs).
  const phantom = (window as LegacyPhantomWindow).phantom?.solana ? new PhantomWalletAdapter() : null;
  const onReady = (state: WalletReadyState) => {
    if (state !== WalletReadyState.Installed || !phantom || legacyPhantom) return;
    legacyPhantom = adapterOwnerWallet(phantom, 'phantom:legacy');
    publish();
  };
  phantom?.on('readyStateChange', onReady);
  if (phantom) onReady(phantom.readyState);

  return () => {
    stopRegister();
    stopUnregister();
    phantom?.off('readyStateChange', onReady);
    for (const { adapter } of standard.values()) adapter.destroy();
    standard.clear();
  };
}
