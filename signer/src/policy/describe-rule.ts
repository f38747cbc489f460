import { formatAmount, NATIVE_UNITS, type Policy } from '@waiaas/protocol';
import { formatDuration } from '../config/duration.js';
import { describeDomain } from './rules/allowed-signing.js';
import { describeTimeWindow } from './rules/time-window.js';

/**
 * A rule in one line a person can check: what `waiaas policy list` prints and what the Owner's
 * wallet shows when asked to sign a policy change, so both say the same words. Native amounts are
 * shown with their unit when the wallet's chain is known, else in smallest units.
 */
export function describeRule(rule: Policy['rule'], chain: 'solana' | 'evm' | undefined, scope: Policy['scope']): string {
  const per = scope === 'session' ? 'per session' : 'per wallet';
  switch (rule.type) {
    case 'SPENDING_LIMIT': {
      const unit = rule.asset === 'native' && chain ? NATIVE_UNITS[chain] : undefined;
      const show = (v: string) => (unit ? formatAmount(BigInt(v), unit) : v);
      const usd = rule.usdInstantMax === undefined ? '' : `; in USD: INSTANT ≤ $${rule.usdInstantMax}, NOTIFY ≤ $${rule.usdNotifyMax}, DELAY ≤ $${rule.usdDelayMax}, above or no fresh price: APPROVAL`;
      const decimals = rule.decimals === undefined ? '' : ` (${rule.decimals} decimals)`;
      const expiry = rule.approvalSeconds === undefined ? '' : ` (expires after ${formatDuration(rule.approvalSeconds)})`;
      return `SPENDING_LIMIT ${rule.asset}${decimals}: INSTANT ≤ ${show(rule.instantMax)}, NOTIFY ≤ ${show(rule.notifyMax)}, DELAY (${formatDuration(rule.delaySeconds)}) ≤ ${show(rule.delayMax)}, above: APPROVAL${expiry}${usd}`;
    }
    case 'ROLLING_LIMIT': {
      if (rule.usdMax !== undefined) {
        const whose = scope === 'global' ? 'all wallets together' : scope === 'session' ? 'this session' : 'this wallet';
        return `ROLLING_LIMIT in USD: at most $${rule.usdMax} per ${rule.window} for ${whose}, each request at its USD value when accepted; above: refused, no fresh price: APPROVAL`;
      }
      const unit = rule.asset === 'native' && chain ? NATIVE_UNITS[chain] : undefined;
      const max = rule.max ?? '0';
      return `ROLLING_LIMIT ${rule.asset}: at most ${unit ? formatAmount(BigInt(max), unit) : max} per ${rule.window} ${per}, above: refused`;
    }
    case 'RATE_LIMIT':
      return `RATE_LIMIT: at most ${rule.maxRequests} requests per ${formatDuration(rule.windowSeconds)} ${per}, above: refused`;
    case 'ALLOWED_TOKENS':
      return `ALLOWED_TOKENS ${rule.tokens.join(', ') || '(none)'}`;
    case 'ALLOWED_CONTRACTS':
      // EVM selectors and Solana discriminators read alike: <contract or program>:<method>,<method>
      return `ALLOWED_CONTRACTS ${rule.contracts.map((c) => { const methods = c.selectors ?? c.discriminators; return methods ? `${c.address}:${methods.join(',')}` : c.address; }).join(', ') || '(none)'}`;
    case 'RECIPIENT_ALLOWLIST':
      return `RECIPIENT_ALLOWLIST ${rule.addresses.map((a) => (rule.labels?.[a] ? `${a} (${rule.labels[a]})` : a)).join(', ') || '(none)'}`;
    case 'TIME_WINDOW':
      return `TIME_WINDOW ${describeTimeWindow(rule)} ${rule.timeZone}, outside: refused`;
    case 'APPROVE_CAP':
      return `APPROVE_CAP ${rule.token ?? 'every token'}: approvals ≤ ${rule.max}, above: refused`;
    case 'ALLOWED_SIGNING': {
      const messages = rule.messages ? `messages${rule.messagePrefix === undefined ? '' : ` starting with ${JSON.stringify(rule.messagePrefix)}`}` : 'no messages';
      const domains = rule.typedDataDomains.map((d) => describeDomain(d)).join('; ') || 'none';
      return `ALLOWED_SIGNING ${messages}; EIP-712 domains: ${domains}; anything else: refused`;
    }
  }
}
