import type { RequestStatus } from '../models/request-tracker';
import type { PairingInfo } from '../port/messages';
import { ConfirmButton } from './ConfirmButton';
import { ErrorNote } from './ErrorNote';
import { formatDateTime } from './format-time';

export interface PairingDetailsProps {
  pairing: PairingInfo;
  status: RequestStatus | undefined;
  onUnpair(): void;
  onDismissError(): void;
}

/** The signer this browser is paired with, and the way out. */
export function PairingDetails({ pairing, status, onUnpair, onDismissError }: PairingDetailsProps) {
  return (
    <div data-testid="pairing-details">
      <dl class="facts">
        <dt>Signer</dt>
        <dd data-testid="pairing-signer-url">{pairing.signerUrl}</dd>
        <dt>Identity</dt>
        <dd>
          <code class="address" data-testid="pairing-signer-identity">
            {pairing.signerIdentity}
          </code>
          <br />
          <span class="muted">Your wallet shows this name in every message it is asked to sign: check that it matches.</span>
        </dd>
        <dt>This browser</dt>
        <dd>{pairing.deviceName}</dd>
        <dt>Paired</dt>
        <dd>{formatDateTime(pairing.pairedAt)}</dd>
      </dl>
      {status?.pending ? (
        <p class="waiting" role="status">Unpairing…</p>
      ) : (
        <ConfirmButton
          label="Unpair"
          prompt="Unpair this browser? It stops showing requests and can no longer approve or stop anything until you pair it again with a new code."
          confirmLabel="Unpair"
          danger
          testId="unpair"
          onConfirm={onUnpair}
        />
      )}
      {status?.error && <ErrorNote error={status.error} testId="unpair-error" onDismiss={onDismissError} />}
    </div>
  );
}
