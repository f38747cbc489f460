import { type Policy, type SetPolicyRequest, WaiaasError } from '@waiaas/protocol';
import type { AuditLog } from '../audit/audit-log.js';
import type { WalletStore } from '../wallet/wallet-store.js';
import type { PolicyStore } from './policy-store.js';

/** Sets (creates or replaces) a rule for a wallet or globally; audited with the full rule. */
export function setPolicy(
  deps: { policies: PolicyStore; wallets: WalletStore; audit: AuditLog; now: () => number },
  request: SetPolicyRequest,
): Policy {
  const walletId = request.wallet ? deps.wallets.resolve(request.wallet).id : null;
  const policy = deps.policies.set(walletId, request.rule, deps.now());
  deps.audit.record({ actor: 'master', action: 'policy.set', walletId, details: { policyId: policy.id, rule: request.rule } });
  return policy;
}

export function removePolicy(deps: { policies: PolicyStore; audit: AuditLog }, id: string): Policy {
  const policy = deps.policies.get(id);
  if (!policy || !deps.policies.remove(id)) throw new WaiaasError('POLICY__NOT_FOUND', { policyId: id });
  deps.audit.record({ actor: 'master', action: 'policy.remove', walletId: policy.walletId, details: { policyId: id, rule: policy.rule } });
  return policy;
}
