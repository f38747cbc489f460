import type { admin } from '@waiaas/protocol';
import type { RequestStatus } from '../models/request-tracker';
import { ConfirmButton } from './ConfirmButton';
import { ErrorNote } from './ErrorNote';
import { formatDateTime } from './format-time';

export interface KillSwitchPanelProps {
  killSwitch: admin.KillSwitchStatus | null;
  status: RequestStatus | undefined;
  lastResult: admin.ActivateKillSwitchResponse | null;
  offline: boolean;
  onActivate(reason: string | undefined): void;
  onDismissError(): void;
}

/** The one button that stops every agent at once; recovery is deliberately elsewhere (the signer's CLI). */
export function KillSwitchPanel({ killSwitch, status, lastResult, offline, onActivate, onDismissError }: KillSwitchPanelProps) {
  const engaged = killSwitch !== null && killSwitch.state !== 'ACTIVE';
  return (
    <section class="kill-switch" aria-labelledby="kill-switch-heading">
      <h2 id="kill-switch-heading">Kill switch</h2>
      {engaged ? (
        <div class="card danger-card" data-testid="kill-switch-state" data-state={killSwitch.state}>
          <p>
            <strong>Everything is stopped ({killSwitch.state})</strong> since {formatDateTime(killSwitch.changedAt)}, by {killSwitch.actor}
            {killSwitch.reason ? `: “${killSwitch.reason}”` : '.'}
          </p>
          <p class="muted">
            No agent can send or sign. To resume, run <code>waiaas kill-switch recover</code> on the signer's machine (it needs the master password
            {' '}and, with an Owner registered, the Owner's signature).
          </p>
        </div>
      ) : (
        <>
          <p>Stops every agent now: revokes all sessions and cancels every waiting request.</p>
          {status?.pending ? (
            <p class="waiting" role="status">Stopping everything…</p>
          ) : (
            <ConfirmButton
              label="Stop everything"
              prompt="Stop everything: revokes all sessions and cancels waiting requests. Agents need new sessions afterwards, and resuming needs the master password."
              confirmLabel="Yes, stop everything"
              reasonLabel="Reason (optional, kept in the audit log)"
              danger
              disabled={offline}
              testId="kill-switch"
              onConfirm={onActivate}
            />
          )}
        </>
      )}
      {lastResult && (
        <p role="status" data-testid="kill-switch-result">
          Stopped: {lastResult.revokedSessions} session(s) revoked, {lastResult.cancelledTransactions} request(s) cancelled.
        </p>
      )}
      {status?.error && <ErrorNote error={status.error} testId="kill-switch-error" onDismiss={onDismissError} />}
    </section>
  );
}
