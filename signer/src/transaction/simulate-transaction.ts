import { type agent, WaiaasError } from '@waiaas/protocol';
import type { ChainRegistry } from '../chain/chain-registry.js';
import type { SessionRow } from '../session/session-store.js';
import type { WalletStore } from '../wallet/wallet-store.js';
import { callOf, toIntent } from './to-intent.js';

/** Validation, tier and the chain's prediction of the effect; nothing is stored, reserved or signed. */
export async function simulateTransaction(
  deps: { wallets: WalletStore; chains: ChainRegistry },
  session: SessionRow,
  request: agent.SendTransactionRequest,
): Promise<agent.SimulateTransactionResponse> {
  const wallet = deps.wallets.findById(session.wallet_id);
  if (!wallet) throw new WaiaasError('WALLET__NOT_FOUND', { wallet: session.wallet_id });
  const adapter = deps.chains.dryRunAdapter(wallet.network);
  const unsigned = await adapter.build(wallet.address, toIntent(callOf(request)));
  const result = await adapter.simulate(wallet.address, unsigned);
  return {
    ok: result.ok,
    tier: 'INSTANT',
    fee: result.fee.toString(),
    balanceChanges: result.balanceChanges.map((c) => ({ asset: c.asset, delta: c.delta.toString() })),
    error: result.error ?? null,
  };
}
