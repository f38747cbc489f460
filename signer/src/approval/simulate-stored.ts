import { type agent, WaiaasError } from '@waiaas/protocol';
import type { ChainRegistry } from '../chain/chain-registry.js';
import { toIntent } from '../transaction/to-intent.js';
import type { TransactionStore } from '../transaction/transaction-store.js';
import type { WalletStore } from '../wallet/wallet-store.js';

/** A dry run of a stored transaction: built afresh (nothing is signed) and simulated by the chain. */
export async function simulateStored(
  deps: { transactions: Pick<TransactionStore, 'get'>; wallets: WalletStore; chains: ChainRegistry },
  transactionId: string,
): Promise<{ ok: boolean; fee: string; balanceChanges: { asset: string; delta: string }[]; error: string | null }> {
  const tx = deps.transactions.get(transactionId);
  const wallet = tx && deps.wallets.findById(tx.wallet_id);
  if (!tx || !wallet) throw new WaiaasError('TRANSACTION__NOT_FOUND', { transactionId });
  const adapter = deps.chains.dryRunAdapter(tx.network);
  const unsigned = await adapter.build(wallet.address, toIntent(JSON.parse(tx.intent) as agent.TransactionCall));
  const result = await adapter.simulate(wallet.address, unsigned);
  return {
    ok: result.ok,
    fee: result.fee.toString(),
    balanceChanges: result.balanceChanges.map((c) => ({ asset: c.asset, delta: c.delta.toString() })),
    error: result.error ?? null,
  };
}
