import type { Policy, SetPolicyRequest } from '@waiaas/protocol';

type AllowlistRule = Extract<Policy['rule'], { type: 'RECIPIENT_ALLOWLIST' }>;
export type AllowlistPolicy = Policy & { rule: AllowlistRule };

export function isAllowlistPolicy(policy: Policy): policy is AllowlistPolicy {
  return policy.rule.type === 'RECIPIENT_ALLOWLIST';
}

/** The SetPolicyRequest fields that put a rule in the same scope as `policy` (so it replaces it). */
export function scopeOf(policy: Pick<Policy, 'scope' | 'walletId' | 'sessionId'>): Pick<SetPolicyRequest, 'wallet' | 'session'> {
  if (policy.scope === 'session' && policy.sessionId !== null) return { session: policy.sessionId };
  if (policy.scope === 'wallet' && policy.walletId !== null) return { wallet: policy.walletId };
  return {};
}

function withRule(policy: Pick<Policy, 'scope' | 'walletId' | 'sessionId'>, rule: AllowlistRule): SetPolicyRequest {
  return { ...scopeOf(policy), rule };
}

/**
 * The signer keeps one allowlist per scope and a set replaces it: adding an entry therefore sends
 * the whole list with the entry added, never a list of one.
 */
export function addAllowlistEntry(policy: AllowlistPolicy, address: string, label?: string): SetPolicyRequest {
  const addresses = policy.rule.addresses.includes(address) ? policy.rule.addresses : [...policy.rule.addresses, address];
  const labels = label ? { ...policy.rule.labels, [address]: label } : policy.rule.labels;
  return withRule(policy, { type: 'RECIPIENT_ALLOWLIST', addresses, ...(labels && Object.keys(labels).length > 0 ? { labels } : {}) });
}

/** The whole list without `address` (and its label). */
export function removeAllowlistEntry(policy: AllowlistPolicy, address: string): SetPolicyRequest {
  const { [address]: _dropped, ...labels } = policy.rule.labels ?? {};
  const addresses = policy.rule.addresses.filter((a) => a !== address);
  return withRule(policy, { type: 'RECIPIENT_ALLOWLIST', addresses, ...(Object.keys(labels).length > 0 ? { labels } : {}) });
}

/**
 * A new entry for a scope named by the Owner (a wallet name or id; empty for every wallet): added to
 * that scope's existing allowlist when there is one, else a new list of one.
 */
export function allowlistEntryFor(
  policies: readonly Policy[],
  walletNames: ReadonlyMap<string, string>,
  entry: { wallet: string; address: string; label?: string },
): SetPolicyRequest {
  const wallet = entry.wallet.trim();
  const existing = policies.filter(isAllowlistPolicy).find((p) =>
    wallet === '' ? p.scope === 'global' : p.scope === 'wallet' && p.walletId !== null && (p.walletId === wallet || walletNames.get(p.walletId) === wallet),
  );
  if (existing) return addAllowlistEntry(existing, entry.address, entry.label);
  const labels = entry.label ? { labels: { [entry.address]: entry.label } } : {};
  return { ...(wallet === '' ? {} : { wallet }), rule: { type: 'RECIPIENT_ALLOWLIST', addresses: [entry.address], ...labels } };
}
