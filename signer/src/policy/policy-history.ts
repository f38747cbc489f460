import type { TransactionStore } from '../transaction/transaction-store.js';
import type { PolicyHistory } from './policy-context.js';
import type { ReservationStore } from './reservation-store.js';

/**
 * What a wallet and the requesting session have already done, read from the database. Without a
 * session (no request has one yet) the session's history is empty; no session rule applies then.
 */
export function createPolicyHistory(
  deps: { reservations: ReservationStore; transactions: Pick<TransactionStore, 'countSince'> },
  walletId: string,
  sessionId: string | undefined,
): PolicyHistory {
  return {
    walletSpentSince: (asset, since) => deps.reservations.walletUsageSince(walletId, asset, since),
    walletRequestsSince: (since) => deps.transactions.countSince(walletId, since),
    sessionSpentSince: (asset, since) => (sessionId ? deps.reservations.sessionUsageSince(sessionId, asset, since) : 0n),
    sessionRequestsSince: (since) => (sessionId ? deps.reservations.sessionRequestsSince(sessionId, since) : 0),
    usdSpentSince(scope, since) {
      if (scope === 'global') return deps.reservations.usdUsageSince({ scope: 'global' }, since);
      if (scope === 'wallet') return deps.reservations.usdUsageSince({ scope: 'wallet', walletId }, since);
      return sessionId ? deps.reservations.usdUsageSince({ scope: 'session', sessionId }, since) : 0n;
    },
  };
}
