import { type Policy, type SetPolicyRequest, WaiaasError } from '@waiaas/protocol';
import type { AuditActor, AuditLog } from '../audit/audit-log.js';

/** Who made a change, and what else the audit entry should say about it (e.g. the Owner's digest). */
export interface PolicyChangeBy {
  actor: AuditActor;
  details?: Record<string, unknown>;
}
const MASTER: PolicyChangeBy = { actor: 'master' };
import type { SessionRow, SessionStore } from '../session/session-store.js';
import type { WalletStore } from '../wallet/wallet-store.js';
import type { PolicyStore } from './policy-store.js';

/** Sets (creates or replaces) a rule globally, for a wallet or for one session; audited with the full rule. */
export function setPolicy(
  deps: { policies: PolicyStore; wallets: Pick<WalletStore, 'resolve'>; sessions: Pick<SessionStore, 'get'>; audit: AuditLog; now: () => number },
  request: SetPolicyRequest,
  by: PolicyChangeBy = MASTER,
): Policy {
  const now = deps.now();
  const session = request.session === undefined ? undefined : activeSession(deps.sessions, request.session, now);
  const walletId = session ? session.wallet_id : request.wallet ? deps.wallets.resolve(request.wallet).id : null;
  const policy = deps.policies.set(walletId, request.rule, now, session?.id);
  deps.audit.record({
    actor: by.actor,
    action: 'policy.set',
    walletId,
    sessionId: session?.id ?? null,
    details: { policyId: policy.id, rule: request.rule, ...by.details },
  });
  return policy;
}

/**
 * A session a rule may be set for. A revoked or expired session can never make another request,
 * so a rule for it would only look like protection; it is refused rather than stored.
 */
export function activeSession(sessions: Pick<SessionStore, 'get'>, sessionId: string, now: number): SessionRow {
  const session = sessions.get(sessionId);
  if (!session) throw new WaiaasError('SESSION__NOT_FOUND', { sessionId });
  if (session.revoked_at !== null) throw new WaiaasError('POLICY__SESSION_INACTIVE', { sessionId, status: 'revoked' });
  if (session.expires_at <= now) throw new WaiaasError('POLICY__SESSION_INACTIVE', { sessionId, status: 'expired' });
  return session;
}

export function removePolicy(deps: { policies: PolicyStore; audit: AuditLog }, id: string, by: PolicyChangeBy = MASTER): Policy {
  const policy = deps.policies.get(id);
  if (!policy || !deps.policies.remove(id)) throw new WaiaasError('POLICY__NOT_FOUND', { policyId: id });
  deps.audit.record({
    actor: by.actor,
    action: 'policy.remove',
    walletId: policy.walletId,
    sessionId: policy.sessionId,
    details: { policyId: id, rule: policy.rule, ...by.details },
  });
  return policy;
}
