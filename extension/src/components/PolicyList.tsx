import type { owner, Policy } from '@waiaas/protocol';
import { isAllowlistPolicy } from './allowlist-change';
import { AllowlistEditor } from './AllowlistEditor';
import { ConfirmButton } from './ConfirmButton';
import { describePolicy, describeScope } from './describe-policy';
import type { ChainFamily } from './native-unit';

export interface PolicyListProps {
  policies: readonly Policy[];
  walletNames: ReadonlyMap<string, string>;
  walletChains: ReadonlyMap<string, ChainFamily>;
  /** A change is waiting for the Owner's signature: no second one meanwhile. */
  busy: boolean;
  onChange(change: owner.PolicyChange): void;
}

/** Every rule in force, in words, each removable; allowlists editable entry by entry. */
export function PolicyList({ policies, walletNames, walletChains, busy, onChange }: PolicyListProps) {
  if (policies.length === 0) {
    return (
      <p class="empty" data-testid="policies-empty">
        No rules are set: the signer's defaults apply.
      </p>
    );
  }
  return (
    <ul class="list">
      {policies.map((policy) => (
        <li key={policy.id} class="card" data-testid="policy" data-policy-id={policy.id} data-type={policy.rule.type}>
          <h3>{describeScope(policy, walletNames)}</h3>
          <p>{describePolicy(policy.rule, policy.walletId === null ? null : (walletChains.get(policy.walletId) ?? null))}</p>
          {isAllowlistPolicy(policy) && <AllowlistEditor policy={policy} disabled={busy} onChange={onChange} />}
          <ConfirmButton
            label="Remove rule"
            prompt="Remove this rule? Agents are no longer held to it. Your Owner wallet signs the change in the co-sign window."
            confirmLabel="Remove rule"
            danger
            disabled={busy}
            testId="policy-remove"
            onConfirm={() => onChange({ remove: policy.id })}
          />
        </li>
      ))}
    </ul>
  );
}
