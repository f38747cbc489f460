import type { admin } from '@waiaas/protocol';
import type { RequestStatus } from '../models/request-tracker';
import { Amount } from './Amount';
import { ConfirmButton } from './ConfirmButton';
import { ErrorNote } from './ErrorNote';
import { formatDateTime } from './format-time';

export interface SessionRowProps {
  session: admin.Session;
  status: RequestStatus | undefined;
  offline: boolean;
  onRevoke(sessionId: string): void;
  onDismissError(): void;
}

/** How much of its budget a session used, for the bar: 0–100, or null without a total limit. */
export function spentPercent(spent: string, maxTotal: string | null): number | null {
  if (maxTotal === null || BigInt(maxTotal) === 0n) return null;
  const percent = (BigInt(spent) * 100n) / BigInt(maxTotal);
  return Number(percent > 100n ? 100n : percent);
}

/** One active agent session: whose, since and until when, what it spent, and Revoke. */
export function SessionRow({ session, status, offline, onRevoke, onDismissError }: SessionRowProps) {
  const { maxTotal, maxPerTx } = session.limits;
  const { chain } = session;
  const percent = spentPercent(session.spent, maxTotal);
  return (
    <li class="card session" data-testid="session" data-session-id={session.id}>
      <h3>
        Wallet <strong>{session.walletName}</strong> <code class="muted" title={session.id}>…{session.id.slice(-8)}</code>
      </h3>
      <dl class="facts">
        <dt>Created</dt>
        <dd>{formatDateTime(session.createdAt)}</dd>
        <dt>Expires</dt>
        <dd>{formatDateTime(session.expiresAt)}</dd>
        <dt>Spent</dt>
        <dd data-testid="session-spent">
          <Amount base={session.spent} chain={chain} /> {maxTotal === null ? '(no limit)' : <>of <Amount base={maxTotal} chain={chain} /></>}
          {percent !== null && <meter min={0} max={100} value={percent} aria-label={`${percent}% of the session's limit spent`} />}
        </dd>
        {maxPerTx !== null && (
          <>
            <dt>Per request</dt>
            <dd>
              at most <Amount base={maxPerTx} chain={chain} />
            </dd>
          </>
        )}
      </dl>
      {status?.pending ? (
        <p class="waiting" role="status">Revoking…</p>
      ) : (
        <ConfirmButton
          label="Revoke"
          prompt={`Revoke this session of ${session.walletName}? Its agent's next call is refused; it needs a new session to continue.`}
          confirmLabel="Revoke session"
          danger
          disabled={offline}
          testId="revoke"
          onConfirm={() => onRevoke(session.id)}
        />
      )}
      {status?.error && <ErrorNote error={status.error} testId="session-error" onDismiss={onDismissError} />}
    </li>
  );
}
