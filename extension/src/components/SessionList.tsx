import type { admin } from '@waiaas/protocol';
import { requestKey, type RequestStatus } from '../models/request-tracker';
import { SessionRow } from './SessionRow';

export interface SessionListProps {
  sessions: readonly admin.Session[];
  statuses: Readonly<Record<string, RequestStatus>>;
  offline: boolean;
  onRevoke(sessionId: string): void;
  onDismiss(key: string): void;
}

/** Every active agent session, each with Revoke. */
export function SessionList({ sessions, statuses, offline, onRevoke, onDismiss }: SessionListProps) {
  if (sessions.length === 0) {
    return (
      <p class="empty" data-testid="sessions-empty">
        No agent has an active session. Sessions are created on the signer (<code>waiaas session create</code>).
      </p>
    );
  }
  return (
    <ul class="list">
      {sessions.map((session) => (
        <SessionRow
          key={session.id}
          session={session}
          status={statuses[requestKey('revokeSession', session.id)]}
          offline={offline}
          onRevoke={onRevoke}
          onDismissError={() => onDismiss(requestKey('revokeSession', session.id))}
        />
      ))}
    </ul>
  );
}
