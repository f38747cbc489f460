import { type Policy, WaiaasError } from '@waiaas/protocol';
import type { SessionStore } from '../session/session-store.js';
import type { WalletStore } from '../wallet/wallet-store.js';
import type { PolicyStore } from './policy-store.js';

/**
 * The rules the master asked to see: with a session, exactly those that apply to its requests
 * (global, its wallet's and its own); with a wallet, the global ones, the wallet's and its
 * sessions'; else all.
 */
export function listPolicies(
  deps: { policies: PolicyStore; wallets: Pick<WalletStore, 'resolve'>; sessions: Pick<SessionStore, 'get'> },
  filter: { wallet?: string; session?: string },
): Policy[] {
  if (filter.session !== undefined) {
    const session = deps.sessions.get(filter.session);
    if (!session) throw new WaiaasError('SESSION__NOT_FOUND', { sessionId: filter.session });
    return deps.policies.applicable(session.wallet_id, session.id);
  }
  return deps.policies.list(filter.wallet ? deps.wallets.resolve(filter.wallet).id : undefined);
}
