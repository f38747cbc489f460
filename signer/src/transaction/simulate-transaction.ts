import { type agent, WaiaasError } from '@waiaas/protocol';
import type { ChainRegistry } from '../chain/chain-registry.js';
import type { SessionRow } from '../session/session-store.js';
import type { WalletStore } from '../wallet/wallet-store.js';
import { callOf, toIntent } from './to-intent.js';
import type { ReservationStore } from '../policy/reservation-store.js';
import { assertWithinSessionLimits } from '../policy/session-limits.js';
import { spendOf } from '../policy/spend-of.js';
import { sessionSpent } from '../policy/session-budget.js';
import type { PolicyStore } from '../policy/policy-store.js';
import type { AutoStop } from '../autostop/autostop.js';
import type { TransactionStore } from './transaction-store.js';
import { decidePolicy } from './send-transaction.js';
import type { OwnerStore } from '../owner/owner-store.js';
import { type PolicyPrices, policyPrices } from './policy-prices.js';

/** Validation, tier and the chain's prediction of the effect; nothing is stored, reserved or signed. */
export async function simulateTransaction(
  deps: {
    wallets: WalletStore;
    chains: ChainRegistry;
    reservations: ReservationStore;
    policies: PolicyStore;
    prices?: PolicyPrices;
    transactions: Pick<TransactionStore, 'countSince'>;
    now: () => number;
    autoStop: Pick<AutoStop, 'assertActive'>;
    owner: Pick<OwnerStore, 'state'>;
  },
  session: SessionRow,
  request: agent.SendTransactionRequest,
): Promise<agent.SimulateTransactionResponse> {
  const wallet = deps.wallets.findById(session.wallet_id);
  if (!wallet) throw new WaiaasError('WALLET__NOT_FOUND', { wallet: session.wallet_id });
  deps.autoStop.assertActive(wallet.id);
  const call = callOf(request);
  // The same policy check as a send, as a dry run: it reads the budget and reserves nothing.
  assertWithinSessionLimits(session, spendOf(call, wallet.chain), sessionSpent(deps.reservations, session.id));
  const adapter = deps.chains.dryRunAdapter(wallet.network);
  const unsigned = await adapter.build(wallet.address, toIntent(call));
  const at = deps.now();
  const decision = decidePolicy(deps, wallet.id, wallet.chain, call, at, await policyPrices(deps, wallet.chain, call, at), session.id);
  const result = await adapter.simulate(wallet.address, unsigned);
  return {
    ok: result.ok,
    tier: decision.tier,
    policyReason: decision.reason,
    fee: result.fee.toString(),
    balanceChanges: result.balanceChanges.map((c) => ({ asset: c.asset, delta: c.delta.toString() })),
    error: result.error ?? null,
  };
}
