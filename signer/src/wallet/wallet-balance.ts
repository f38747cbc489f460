import { type agent, NATIVE_UNITS, WaiaasError } from '@waiaas/protocol';
import type { ChainRegistry } from '../chain/chain-registry.js';
import type { SessionRow } from '../session/session-store.js';
import type { WalletStore } from './wallet-store.js';

function walletOf(wallets: WalletStore, session: SessionRow) {
  const wallet = wallets.findById(session.wallet_id);
  if (!wallet) throw new WaiaasError('WALLET__NOT_FOUND', { wallet: session.wallet_id });
  return wallet;
}

export async function walletBalance(
  deps: { wallets: WalletStore; chains: ChainRegistry },
  session: SessionRow,
): Promise<agent.BalanceResponse> {
  const wallet = walletOf(deps.wallets, session);
  const balance = await deps.chains.dryRunAdapter(wallet.network).getBalance(wallet.address);
  const unit = NATIVE_UNITS[wallet.chain];
  return {
    walletId: wallet.id,
    network: wallet.network,
    address: wallet.address,
    asset: { asset: 'native', symbol: unit.symbol, decimals: unit.decimals, balance: balance.toString() },
  };
}

export async function walletAssets(
  deps: { wallets: WalletStore; chains: ChainRegistry },
  session: SessionRow,
): Promise<agent.AssetsResponse> {
  const wallet = walletOf(deps.wallets, session);
  const assets = await deps.chains.dryRunAdapter(wallet.network).getAssets(wallet.address);
  return {
    walletId: wallet.id,
    network: wallet.network,
    address: wallet.address,
    assets: assets.map((a) => ({ asset: a.asset, symbol: a.symbol ?? null, decimals: a.decimals, balance: a.balance.toString() })),
  };
}
