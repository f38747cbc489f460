import { useState } from 'preact/hooks';
import { ActivityList } from '../../src/components/ActivityList';
import { ApprovalList } from '../../src/components/ApprovalList';
import { ConnectionBanner } from '../../src/components/ConnectionBanner';
import { ErrorNote } from '../../src/components/ErrorNote';
import { KillSwitchPanel } from '../../src/components/KillSwitchPanel';
import { NewRequestAnnouncer } from '../../src/components/NewRequestAnnouncer';
import { SessionList } from '../../src/components/SessionList';
import { Tabs, type TabItem } from '../../src/components/Tabs';
import type { ClockModel } from '../../src/models/clock-model';
import type { CompanionModel } from '../../src/models/companion-model';
import { requestKey } from '../../src/models/request-tracker';
import type { CompanionState } from '../../src/port/messages';

type TabId = 'approvals' | 'sessions' | 'stop' | 'activity';

export interface AppProps {
  model: CompanionModel;
  clock: ClockModel;
  onOpenOptions(): void;
}

function Loading({ model }: { model: CompanionModel }) {
  const error = model.loadError.value;
  if (error === null) return <p class="empty" aria-busy="true">Loading…</p>;
  return (
    <>
      <ErrorNote error={error} testId="load-error" />
      <button type="button" class="primary" onClick={() => void model.reload()}>
        Try again
      </button>
    </>
  );
}

function Panels({ model, clock, state }: { model: CompanionModel; clock: ClockModel; state: CompanionState }) {
  const [tab, setTab] = useState<TabId>('approvals');
  const statuses = model.requests.value;
  const offline = state.connection !== 'connected';
  const tabs: TabItem<TabId>[] = [
    { id: 'approvals', label: 'Approvals', count: state.approvals.length },
    { id: 'sessions', label: 'Sessions', count: state.sessions.length },
    { id: 'stop', label: 'Stop' },
    { id: 'activity', label: 'Activity' },
  ];
  return (
    <>
      {offline && state.connection !== 'connecting' && <p class="note">Actions come back once the signer is reachable again.</p>}
      <Tabs<TabId> label="Companion sections" tabs={tabs} selected={tab} onSelect={setTab}>
        {tab === 'approvals' && (
          <ApprovalList
            approvals={state.approvals}
            statuses={statuses}
            now={clock.now}
            offline={offline}
            onApprove={(id) => void model.approve(id)}
            onReject={(id, reason) => void model.reject(id, reason)}
            onDismiss={model.dismiss}
          />
        )}
        {tab === 'sessions' && (
          <SessionList
            sessions={state.sessions}
            statuses={statuses}
            offline={offline}
            onRevoke={(id) => void model.revokeSession(id)}
            onDismiss={model.dismiss}
          />
        )}
        {tab === 'stop' && (
          <KillSwitchPanel
            killSwitch={state.killSwitch}
            status={statuses[requestKey('activateKillSwitch')]}
            lastResult={model.lastKillSwitch.value}
            offline={offline}
            onActivate={(reason) => void model.activateKillSwitch(reason)}
            onDismissError={() => model.dismiss(requestKey('activateKillSwitch'))}
          />
        )}
        {tab === 'activity' && <ActivityList items={state.activity} />}
      </Tabs>
    </>
  );
}

/** The popup: the link to the signer on top, then what waits for the Owner and what agents can do. */
export function App({ model, clock, onOpenOptions }: AppProps) {
  const view = model.connection.value;
  const state = model.state.value;
  const paired = state !== null && state.pairing !== null && view !== 'unpaired' && view !== 'refused' && view !== 'unreachable';
  return (
    <main class="popup">
      <h1>WAIaaS Owner</h1>
      <ConnectionBanner view={view} state={state} now={clock.now} onOpenOptions={onOpenOptions} />
      <NewRequestAnnouncer approvals={state?.approvals ?? null} />
      {view === 'loading' && <Loading model={model} />}
      {paired && <Panels model={model} clock={clock} state={state} />}
      <footer>
        <button type="button" class="link" data-testid="settings" onClick={onOpenOptions}>
          Settings: pairing, Owner wallet, policies
        </button>
      </footer>
    </main>
  );
}
