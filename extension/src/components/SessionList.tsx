import type { admin } from '@waiaas/protocol';
import { requestKey, type RequestStatus } from '../models/request-tracker';
import { chainsByWallet } from './native-unit';
import { SessionRow } from './SessionRow';

export interface SessionListProps {
  sessions: readonly admin.Session[];
  /** Sessions name only their wallet: the approvals on screen tell some wallets' chains. */
  approvals: readonly admin.Approval[];
  statuses: Readonly<Record<string, RequestStatus>>;
  offline: boolean;
  onRevoke(sessionId: string): void;
  onDismiss(key: string): void;
}

/** Every active agent session, each with Revoke. */
export function SessionList({ sessions, approvals, statuses, offline, onRevoke, onDismiss }: SessionListProps) {
  if (sessions.length === 0) {
    return (
      <p class="empty" data-testid="sessions-empty">
        No agent has an active session. Sessions are created on the signer (<code>waiaas session create</code>).
      </p>
    );
  }
  const chains = chainsByWallet(approvals);
  return (
    <ul class="list">
      {sessions.map((session) => (
        <SessionRow
          key={session.id}
          session={session}
          chain={chains.get(session.walletId) ?? null}
          status={statuses[requestKey('revokeSession', session.id)]}
          offline={offline}
          onRevoke={onRevoke}
          onDismissError={() => onDismiss(requestKey('revokeSession', session.id))}
        />
      ))}
    </ul>
  );
}
