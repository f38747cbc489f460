import { type agent, type Chain, WaiaasError } from '@waiaas/protocol';
import { v7 as uuidv7 } from 'uuid';
import type { AuditLog } from '../audit/audit-log.js';
import type { ChainRegistry } from '../chain/chain-registry.js';
import type { SessionRow } from '../session/session-store.js';
import type { WalletStore } from '../wallet/wallet-store.js';
import type { ReservationStore } from '../policy/reservation-store.js';
import { assertWithinSessionLimits } from '../policy/session-limits.js';
import { spendOf } from '../policy/spend-of.js';
import { sessionSpent } from '../policy/session-budget.js';
import { downgradeWithoutOwner, evaluatePolicy, type PolicyDecision } from '../policy/evaluate-policy.js';
import type { PolicyStore } from '../policy/policy-store.js';
import { createPolicyHistory } from '../policy/policy-history.js';
import { usdMovedFor } from '../policy/usd-moved.js';
import type { Price } from '../price/price-source.js';
import { type PolicyPrices, policyPrices } from './policy-prices.js';
import type { AutoStop } from '../autostop/autostop.js';
import type { OwnerStore } from '../owner/owner-store.js';
import { callOf, toIntent } from './to-intent.js';
import type { TransactionRow, TransactionStore } from './transaction-store.js';

export interface SendDeps {
  transactions: TransactionStore;
  wallets: WalletStore;
  chains: ChainRegistry;
  audit: AuditLog;
  reservations: ReservationStore;
  policies: PolicyStore;
  /** USD prices for USD thresholds; absent, every price is unknown and those thresholds ask the Owner. */
  prices?: PolicyPrices;
  autoStop: Pick<AutoStop, 'beforeAccept' | 'assertActive'>;
  /** Runs `fn` in one immediate SQLite transaction: the budget check and the reservation are one step. */
  atomically: <T>(fn: () => T) => T;
  now: () => number;
  /** Wakes the pipeline worker for a new transaction. */
  kick: (id: string) => void;
  /** With an Owner registered, APPROVAL waits for them; with none (NONE) it is downgraded to DELAY. */
  owner: Pick<OwnerStore, 'state'>;
  /**
   * Opens the approval of an APPROVAL-tier transaction, inside the accepting database transaction;
   * `ttlSeconds` is the deciding rule's approval expiry, absent for the configured default.
   */
  openApproval: (tx: { id: string; contentDigest: string; ttlSeconds?: number }, now: number) => void;
  /** After commit: shows the Owner's devices the approval (with its dry run). Never rejects. */
  announceApproval: (transactionId: string) => Promise<void>;
}


/**
 * Accepts a request: validates and builds it against the chain at once, so bad input (an invalid
 * address, an unknown token, calldata that does not match its ABI) is refused before anything is
 * stored or signed; then, in one database transaction, checks the session's limits against what it
 * has spent or reserved, stores the request PENDING and reserves its amounts, and hands it to the
 * worker. If only the RPC node is unreachable, the request is kept and the worker retries the build.
 */
export async function sendTransaction(
  deps: SendDeps,
  session: SessionRow,
  request: agent.SendTransactionRequest,
): Promise<agent.SendTransactionResponse> {
  const call = callOf(request);
  const callJson = JSON.stringify(call);
  const repeat = request.idempotencyKey && deps.transactions.findByIdempotencyKey(session.id, request.idempotencyKey);
  if (repeat) return answerRepeat(repeat, callJson, request.idempotencyKey ?? '');

  const wallet = deps.wallets.findById(session.wallet_id);
  if (!wallet) throw new WaiaasError('WALLET__NOT_FOUND', { wallet: session.wallet_id });
  deps.autoStop.beforeAccept(wallet.id);
  const contentDigest = await buildDigest(deps, wallet.network, wallet.address, call);
  const spend = spendOf(call, wallet.chain);
  const now = deps.now();
  const id = uuidv7();
  const prices = await policyPrices(deps, wallet.chain, call, now);
  // Policy and reservation in one database transaction: rules that look back (budgets, rates)
  // see every request accepted before this one, however many arrive at once.
  const accept = () => {
    deps.autoStop.assertActive(wallet.id);
    const decision = decidePolicy(deps, wallet.id, wallet.chain, call, now, prices, session.id);
    const { tier } = decision;
    const status: agent.TransactionStatus = tier === 'DELAY' ? 'QUEUED' : tier === 'APPROVAL' ? 'AWAITING_APPROVAL' : 'PENDING';
    // The Owner approves exact content: without a digest (RPC down at accept) there is nothing to bind to.
    if (tier === 'APPROVAL' && !contentDigest) throw new WaiaasError('CHAIN__RPC_UNAVAILABLE', { network: wallet.network, reason: 'the request could not be built to show the Owner what they approve' });
    const executeAt = tier === 'DELAY' ? now + decision.delaySeconds * 1000 : null;
    assertWithinSessionLimits(session, spend, sessionSpent(deps.reservations, session.id));
    deps.transactions.insert({
      id,
      wallet_id: wallet.id,
      session_id: session.id,
      network: wallet.network,
      type: call.type,
      status,
      tier,
      request: JSON.stringify(request),
      intent: callJson,
      justification: request.justification ?? null,
      idempotency_key: request.idempotencyKey ?? null,
      content_digest: contentDigest,
      policy_reason: decision.reason,
      execute_at: executeAt,
      created_at: now,
      updated_at: now,
    });
    // Each amount's USD value is fixed now, at the price it was judged at: USD budgets add these up.
    const usd = usdMovedFor(deps.policies.applicable(wallet.id, session.id), wallet.chain, spend, prices);
    if (tier === 'APPROVAL' && contentDigest) deps.openApproval({ id, contentDigest, ttlSeconds: decision.approvalSeconds }, now);
    for (const [asset, amount] of spend) {
      const usdValue = usd.perAsset.get(asset);
      deps.reservations.reserve({ transactionId: id, walletId: wallet.id, sessionId: session.id, asset, amount, usdValue, at: now });
    }
    deps.audit.record({
      actor: `session:${session.id}`,
      action: 'transaction.request',
      walletId: wallet.id,
      sessionId: session.id,
      details: { transactionId: id, type: call.type, tier, reason: decision.reason },
    });
    return { decision, status, executeAt };
  };
  let accepted: ReturnType<typeof accept>;
  try {
    accepted = deps.atomically(accept);
  } catch (error) {
    // Two concurrent sends with one idempotency key: the unique index lets exactly one in.
    const winner = request.idempotencyKey && deps.transactions.findByIdempotencyKey(session.id, request.idempotencyKey);
    if (winner) return answerRepeat(winner, callJson, request.idempotencyKey ?? '');
    throw error;
  }
  const { decision, status, executeAt } = accepted;
  if (decision.tier === 'APPROVAL') void deps.announceApproval(id);
  deps.kick(id);
  const executeIso = executeAt === null ? null : new Date(executeAt).toISOString();
  return { id, status, tier: decision.tier, policyReason: decision.reason, executeAt: executeIso };
}

/** The policy verdict for a request: the strictest applicable rule, APPROVAL downgraded with no Owner. */
export function decidePolicy(
  deps: { policies: PolicyStore; reservations: ReservationStore; transactions: Pick<TransactionStore, 'countSince'>; owner: Pick<OwnerStore, 'state'> },
  walletId: string,
  chain: Chain,
  call: agent.TransactionCall,
  now: number,
  prices?: ReadonlyMap<string, Price | undefined>,
  sessionId?: string,
): PolicyDecision {
  const policies = deps.policies.applicable(walletId, sessionId);
  const ctx = {
    call,
    chain,
    exposure: spendOf(call, chain, { approvals: true }),
    norm: (a: string) => (chain === 'evm' ? a.toLowerCase() : a),
    now,
    prices,
    usdMoved: usdMovedFor(policies, chain, spendOf(call, chain), prices),
    history: createPolicyHistory(deps, walletId, sessionId),
  };
  return downgradeWithoutOwner(evaluatePolicy(policies, ctx), deps.owner.state() !== 'NONE');
}

async function buildDigest(deps: SendDeps, network: string, address: string, call: ReturnType<typeof callOf>) {
  try {
    return (await deps.chains.dryRunAdapter(network).build(address, toIntent(call))).contentDigest;
  } catch (error) {
    if (error instanceof WaiaasError && error.code === 'CHAIN__RPC_UNAVAILABLE') return null;
    throw error;
  }
}

function answerRepeat(row: TransactionRow, callJson: string, key: string): agent.SendTransactionResponse {
  if (row.intent !== callJson) throw new WaiaasError('TRANSACTION__IDEMPOTENCY_CONFLICT', { idempotencyKey: key });
  const executeAt = row.execute_at === null ? null : new Date(row.execute_at).toISOString();
  return { id: row.id, status: row.status, tier: row.tier, policyReason: row.policy_reason, executeAt };
}
