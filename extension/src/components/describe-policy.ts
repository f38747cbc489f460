import type { Policy, PolicyRule } from '@waiaas/protocol';
import { formatNative, type ChainFamily } from './native-unit';

const DURATIONS: [number, string][] = [
  [86_400, 'd'],
  [3600, 'h'],
  [60, 'min'],
];

/** 900 → "15 min", 90 → "90 s", 172800 → "2 d": the largest unit that divides evenly. */
export function formatSeconds(seconds: number): string {
  for (const [size, unit] of DURATIONS) if (seconds % size === 0) return `${seconds / size} ${unit}`;
  return `${seconds} s`;
}

function amountOf(asset: string, base: string, chain: ChainFamily | null): string {
  return asset === 'native' ? formatNative(base, chain) : `${base} base units of ${asset}`;
}

/**
 * A rule in one sentence an Owner can check, amounts in the wallet's unit when its chain is known.
 * Every rule type the signer accepts is covered, so nothing is shown as raw JSON.
 */
export function describePolicy(rule: PolicyRule, chain: ChainFamily | null): string {
  switch (rule.type) {
    case 'SPENDING_LIMIT': {
      const show = (base: string) => amountOf(rule.asset, base, chain);
      const usd = rule.usdInstantMax === undefined ? '' : ` In USD: instant up to $${rule.usdInstantMax}, notify up to $${rule.usdNotifyMax}, delay up to $${rule.usdDelayMax}.`;
      return `Spending limit (${rule.asset === 'native' ? 'native coin' : rule.asset}): instant up to ${show(rule.instantMax)}, notify up to ${show(rule.notifyMax)}, delay ${formatSeconds(rule.delaySeconds)} up to ${show(rule.delayMax)}; above that, your approval.${usd}`;
    }
    case 'ROLLING_LIMIT':
      return rule.usdMax !== undefined
        ? `Rolling limit: at most $${rule.usdMax} per ${rule.window}.`
        : `Rolling limit: at most ${amountOf(rule.asset, rule.max ?? '0', chain)} per ${rule.window}.`;
    case 'RATE_LIMIT':
      return `Rate limit: at most ${rule.maxRequests} requests per ${formatSeconds(rule.windowSeconds)}.`;
    case 'ALLOWED_TOKENS':
      return `Only these tokens: ${rule.tokens.join(', ') || 'none'}.`;
    case 'ALLOWED_CONTRACTS':
      return `Only these contracts / programs: ${rule.contracts.map((c) => c.address).join(', ') || 'none'}.`;
    case 'RECIPIENT_ALLOWLIST':
      return rule.addresses.length === 0
        ? 'Recipient allowlist: empty, so agents can send to no one.'
        : `Recipient allowlist: ${rule.addresses.length} address(es) agents may send to.`;
    case 'TIME_WINDOW':
      return `Only on ${rule.days.join(', ')} from ${rule.startHour}:00 to ${rule.endHour}:00 (${rule.timeZone}).`;
    case 'APPROVE_CAP':
      return `Token approvals up to ${rule.max} base units${rule.token ? ` of ${rule.token}` : ''}.`;
    case 'ALLOWED_SIGNING':
      return `Off-chain signing: ${rule.messages ? `messages${rule.messagePrefix ? ` starting with “${rule.messagePrefix}”` : ''}` : 'no messages'}; ${rule.typedDataDomains.length} EIP-712 domain(s).`;
    default:
      return rule satisfies never;
  }
}

/** Whose rule it is, in words: every wallet, one wallet (by name when known), or one session. */
export function describeScope(policy: Pick<Policy, 'scope' | 'walletId' | 'sessionId'>, walletNames: ReadonlyMap<string, string>): string {
  const wallet = policy.walletId === null ? '' : (walletNames.get(policy.walletId) ?? `…${policy.walletId.slice(-8)}`);
  if (policy.scope === 'global') return 'All wallets';
  if (policy.scope === 'wallet') return `Wallet ${wallet}`;
  return `Session …${(policy.sessionId ?? '').slice(-8)} of wallet ${wallet}`;
}
