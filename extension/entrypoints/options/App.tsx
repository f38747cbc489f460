import { AllowlistEntryForm } from '../../src/components/AllowlistEntryForm';
import { allowlistEntryFor } from '../../src/components/allowlist-change';
import { ConnectionBanner } from '../../src/components/ConnectionBanner';
import { ErrorNote } from '../../src/components/ErrorNote';
import { chainsByWallet } from '../../src/components/native-unit';
import { OwnerPanel } from '../../src/components/OwnerPanel';
import { PairForm } from '../../src/components/PairForm';
import { PairingDetails } from '../../src/components/PairingDetails';
import { PolicyList } from '../../src/components/PolicyList';
import { PrefsForm } from '../../src/components/PrefsForm';
import { SpendingLimitForm } from '../../src/components/SpendingLimitForm';
import type { ClockModel } from '../../src/models/clock-model';
import type { CompanionModel } from '../../src/models/companion-model';
import type { OptionsModel } from '../../src/models/options-model';
import { requestKey } from '../../src/models/request-tracker';
import type { CompanionState } from '../../src/port/messages';

export interface AppProps {
  companion: CompanionModel;
  options: OptionsModel;
  clock: ClockModel;
  defaultDeviceName: string;
}

/** Wallet id → name, from everything on screen that names a wallet. */
function walletNamesOf(state: CompanionState | null): Map<string, string> {
  const names = new Map<string, string>();
  for (const item of [...(state?.sessions ?? []), ...(state?.approvals ?? [])]) names.set(item.walletId, item.walletName);
  return names;
}

function Pairing({ state, options, defaultDeviceName }: { state: CompanionState; options: OptionsModel; defaultDeviceName: string }) {
  const statuses = options.requests.value;
  const paired = state.pairing !== null;
  return (
    <section aria-labelledby="pairing-heading">
      <h2 id="pairing-heading">Pairing</h2>
      <p data-testid="pairing-status" data-state={paired ? 'paired' : 'unpaired'}>
        {paired ? 'This browser is paired with a signer.' : 'This browser is not paired with a signer.'}
      </p>
      {state.pairing !== null ? (
        <PairingDetails
          pairing={state.pairing}
          status={statuses[requestKey('unpair')]}
          onUnpair={() => void options.unpair()}
          onDismissError={() => options.dismiss(requestKey('unpair'))}
        />
      ) : (
        <PairForm
          defaultDeviceName={defaultDeviceName}
          status={statuses[requestKey('pair')]}
          onPair={(input) => void options.pair(input)}
          onDismissError={() => options.dismiss(requestKey('pair'))}
        />
      )}
    </section>
  );
}

function Policies({ state, options }: { state: CompanionState; options: OptionsModel }) {
  const statuses = options.requests.value;
  const change = statuses[requestKey('changePolicy')];
  const load = statuses[requestKey('listPolicies')];
  const policies = options.policies.value;
  const connected = state.connection === 'connected';
  const busy = !connected || change?.pending === true;
  const walletNames = walletNamesOf(state);
  return (
    <section aria-labelledby="policies-heading">
      <h2 id="policies-heading">Policies</h2>
      <p class="note">
        Every change made here opens the co-sign window: your Owner wallet signs exactly that change, and the signer refuses it
        without that signature. Loosening a rule is only possible this way.
      </p>
      {change?.pending && (
        <p class="waiting" role="status" data-testid="policy-change-waiting">
          Waiting for your wallet to sign the change in the co-sign window…
        </p>
      )}
      {change?.error && <ErrorNote error={change.error} testId="policy-change-error" onDismiss={() => options.dismiss(requestKey('changePolicy'))} />}
      {load?.error && <ErrorNote error={load.error} testId="policies-error" />}
      {policies === null ? (
        <p class="empty">{connected ? 'Reading the policies…' : 'The policies show once the signer is connected.'}</p>
      ) : (
        <PolicyList policies={policies} walletNames={walletNames} walletChains={chainsByWallet([...state.approvals, ...state.sessions])} busy={busy} onChange={(c) => void options.changePolicy(c)} />
      )}
      <details>
        <summary>Set a spending limit</summary>
        <SpendingLimitForm disabled={busy} onSubmit={(set) => void options.changePolicy({ set })} />
      </details>
      <details>
        <summary>Add an allowed recipient</summary>
        <AllowlistEntryForm disabled={busy || policies === null} onSubmit={(entry) => void options.changePolicy({ set: allowlistEntryFor(policies ?? [], walletNames, entry) })} />
      </details>
    </section>
  );
}

/** The options page: pairing, the Owner wallet, policies and notifications. */
export function App({ companion, options, clock, defaultDeviceName }: AppProps) {
  const view = companion.connection.value;
  const state = companion.state.value;
  const statuses = options.requests.value;
  return (
    <main class="options">
      <h1>WAIaaS Owner companion — settings</h1>
      <ConnectionBanner view={view} state={state} now={clock.now} />
      {view === 'loading' && companion.loadError.value && <ErrorNote error={companion.loadError.value} testId="load-error" />}
      {state !== null && view !== 'unreachable' && (
        <>
          <Pairing state={state} options={options} defaultDeviceName={defaultDeviceName} />
          {state.pairing !== null && (
            <>
              <section aria-labelledby="owner-heading">
                <h2 id="owner-heading">Owner wallet</h2>
                <OwnerPanel
                  owner={options.owner.value}
                  loadStatus={statuses[requestKey('getOwner')]}
                  registerStatus={statuses[requestKey('registerOwner')]}
                  connected={state.connection === 'connected'}
                  onRegister={(chain) => void options.registerOwner(chain)}
                  onDismissError={() => options.dismiss(requestKey('registerOwner'))}
                />
              </section>
              <Policies state={state} options={options} />
            </>
          )}
          <section aria-labelledby="notifications-heading">
            <h2 id="notifications-heading">Notifications</h2>
            <PrefsForm
              prefs={state.prefs}
              status={statuses[requestKey('setPrefs')]}
              onChange={(prefs) => void options.setPrefs(prefs)}
              onDismissError={() => options.dismiss(requestKey('setPrefs'))}
            />
          </section>
        </>
      )}
    </main>
  );
}
