import type { admin } from '@waiaas/protocol';
import type { RequestStatus } from '../models/request-tracker';
import { ErrorNote } from './ErrorNote';
import { formatDateTime } from './format-time';

export interface OwnerPanelProps {
  owner: admin.OwnerStatus | null;
  loadStatus: RequestStatus | undefined;
  registerStatus: RequestStatus | undefined;
  connected: boolean;
  onRegister(chain: 'solana' | 'evm'): void;
  onDismissError(): void;
}

const STATES: Record<admin.OwnerStatus['state'], string> = {
  NONE: 'No Owner wallet is registered: nobody can approve requests that need you, and policies cannot be changed from here.',
  GRACE: 'Registered, in its grace period: it can still be replaced without its own signature.',
  LOCKED: 'Registered and locked: replacing it needs this wallet’s signature too.',
};

function OwnerStatusLine({ owner, loadStatus }: Pick<OwnerPanelProps, 'owner' | 'loadStatus'>) {
  if (owner === null) return <p class="muted">{loadStatus?.pending ? 'Reading the Owner…' : 'Not known yet.'}</p>;
  return (
    <div data-testid="owner-status" data-state={owner.state}>
      <p>
        <strong>{owner.state}</strong> — {STATES[owner.state]}
      </p>
      {owner.address !== null && (
        <dl class="facts">
          <dt>Wallet</dt>
          <dd>
            {owner.chain === 'evm' ? 'EVM' : 'Solana'} <code class="address">{owner.address}</code>
          </dd>
          {owner.setAt && (
            <>
              <dt>Since</dt>
              <dd>{formatDateTime(owner.setAt)}</dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}

/** The Owner: the person whose own wallet co-signs approvals and policy changes. */
export function OwnerPanel({ owner, loadStatus, registerStatus, connected, onRegister, onDismissError }: OwnerPanelProps) {
  const pending = registerStatus?.pending === true;
  const verb = owner !== null && owner.state !== 'NONE' ? 'Replace' : 'Register';
  if (owner?.state === 'LOCKED') {
    return (
      <div>
        <OwnerStatusLine owner={owner} loadStatus={loadStatus} />
        <p class="muted">
          Replacing a locked Owner needs the current Owner's signature as well as the new one's: do it on the signer's machine with{' '}
          <code>waiaas owner set</code>.
        </p>
      </div>
    );
  }
  return (
    <div>
      <OwnerStatusLine owner={owner} loadStatus={loadStatus} />
      {loadStatus?.error && <ErrorNote error={loadStatus.error} testId="owner-load-error" />}
      <p>
        {verb} the Owner wallet: a co-sign window opens where you pick Phantom or MetaMask and sign a message that proves the
        wallet is yours. Nothing is sent from the wallet.
      </p>
      <div class="actions">
        <button type="button" class="primary" disabled={!connected || pending} data-testid="register-owner-solana" onClick={() => onRegister('solana')}>
          {verb} Owner wallet: Solana (Phantom)
        </button>
        <button type="button" class="primary" disabled={!connected || pending} data-testid="register-owner-evm" onClick={() => onRegister('evm')}>
          {verb} Owner wallet: EVM (MetaMask)
        </button>
      </div>
      {pending && (
        <p class="waiting" role="status" data-testid="register-owner-waiting">
          Waiting for your wallet in the co-sign window…
        </p>
      )}
      {registerStatus?.error && <ErrorNote error={registerStatus.error} testId="register-owner-error" onDismiss={onDismissError} />}
    </div>
  );
}
