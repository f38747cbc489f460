import type { agent, Chain, Policy } from '@waiaas/protocol';
import type { Price } from '../price/price-source.js';

export type Tier = agent.Tier;

export interface PolicyDecision {
  tier: Tier;
  /** Which rule and threshold decided, in words; stored and returned to the agent. */
  reason: string;
  /** DELAY: the cooldown in seconds. */
  delaySeconds: number;
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
