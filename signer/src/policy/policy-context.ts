import type { agent, Chain, Policy } from '@waiaas/protocol';
import type { Price } from '../price/price-source.js';
import type { UsdMoved } from './usd-moved.js';

export type Tier = agent.Tier;

export interface PolicyDecision {
  tier: Tier;
  /** Which rule and threshold decided, in words; stored and returned to the agent. */
  reason: string;
  /** DELAY: the cooldown in seconds. */
  delaySeconds: number;
  /** APPROVAL: how long the approval stays open, if the deciding rule says; else the config default. */
  approvalSeconds?: number;
}

/**
 * What the wallet has already done, for rules that look back in time. Read inside the same
 * database transaction that stores and reserves the request, so concurrent requests see each other.
 */
export interface PolicyHistory {
  /** Committed plus reserved amount of an asset for the wallet since `since` (ms epoch). */
  walletSpentSince(asset: string, since: number): bigint;
  /** Transactions the wallet's agents requested since `since`, cancelled ones excluded. */
  walletRequestsSince(since: number): number;
  /** Committed plus reserved amount of an asset for the requesting session since `since`. */
  sessionSpentSince(asset: string, since: number): bigint;
  /** Transactions the requesting session requested since `since`, cancelled ones excluded. */
  sessionRequestsSince(since: number): number;
  /**
   * Committed plus reserved USD value (USD × 10^18, as fixed at each request's acceptance) since
   * `since`: of every wallet of the signer for 'global', of the wallet, or of the requesting session.
   */
  usdSpentSince(scope: Policy['scope'], since: number): bigint;
}

/** Everything a rule may look at to judge one request. */
export interface PolicyContext {
  call: agent.TransactionCall;
  chain: Chain;
  /** Per asset, what the request moves or (for approvals) lets someone else move. */
  exposure: Map<string, bigint>;
  /** Normalises an address for comparison: EVM addresses compare without case. */
  norm: (address: string) => string;
  now: number;
  history: PolicyHistory;
  /**
   * Fresh USD prices per exposed asset, looked up before the database transaction (sources may be
   * asynchronous; evaluators are not). Undefined — or absent — means unknown: USD thresholds fail closed.
   */
  prices?: ReadonlyMap<string, Price | undefined>;
  /**
   * The USD value of what the request moves, from those prices: exactly what is stored with its
   * reservations. Absent means unknown: USD rolling limits fail closed.
   */
  usdMoved?: UsdMoved;
}

/** A scoped rule of one type. */
export interface ScopedRule<T extends Policy['rule']['type']> {
  scope: Policy['scope'];
  rule: Extract<Policy['rule'], { type: T }>;
}

/**
 * One rule type's judgement of a request, given every rule of that type that applies: a tier,
 * null for "no opinion", or a thrown POLICY__* error to refuse. Evaluators are pure functions of
 * the rules and the context.
 */
export type RuleEvaluator<T extends Policy['rule']['type']> = (rules: readonly ScopedRule<T>[], ctx: PolicyContext) => PolicyDecision | null;
