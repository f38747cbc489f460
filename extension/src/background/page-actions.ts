import type { NotificationPrefs, PageRequest, PageRequestType, PageResults } from '../port/messages.js';
import type { PageRequestHandler } from '../port/serve-page-port.js';
import type { CompanionStore } from './companion-store.js';
import { initialCompanionState } from './companion-store.js';
import type { CompanionSync } from './companion-sync.js';
import type { CosignFlows } from './cosign-flows.js';
import type { OwnerConnection } from './owner-connection.js';
import type { Pairing } from './pairing.js';
import type { StorageItem } from './storage-item.js';

export interface PageActionDeps {
  store: CompanionStore;
  pairing: Pairing;
  connection: OwnerConnection;
  sync: CompanionSync;
  flows: CosignFlows;
  prefs: StorageItem<NotificationPrefs>;
}

type Handlers = { [T in PageRequestType]: (request: Extract<PageRequest, { type: T }>) => Promise<PageResults[T]> };

/** What each page request does. Anything that reaches the signer goes through the one connection. */
export function createPageActions(deps: PageActionDeps): PageRequestHandler {
  const { store, connection, sync } = deps;

  /** Back to an empty state for a new (or no) pairing; the preferences stay. */
  const reset = async () => {
    connection.stop();
    await sync.clear();
    store.update((state) => ({ ...initialCompanionState(state.prefs), connection: 'unpaired' }));
  };

  const handlers: Handlers = {
    getState: async () => ({ state: store.get() }),
    async pair({ signerUrl, code, deviceName }) {
      // The old pairing stays in use until the new one has succeeded.
      const pairing = await deps.pairing.pair(signerUrl, code, deviceName);
      await reset();
      store.update((state) => ({ ...state, pairing, connection: 'connecting' }));
      connection.start();
      return { pairing };
    },
    async unpair() {
      await reset();
      await deps.pairing.unpair();
      return {};
    },
    approve: ({ approvalId }) => deps.flows.approve(approvalId),
    reject: ({ approvalId, reason }) => deps.flows.reject(approvalId, reason),
    async revokeSession({ sessionId }) {
      const result = await connection.command('session.revoke', { sessionId });
      store.update((state) => ({ ...state, sessions: state.sessions.filter((s) => s.id !== sessionId) }));
      return result;
    },
    async activateKillSwitch({ reason }) {
      const result = await connection.command('kill_switch.activate', { ...(reason?.trim() && { reason: reason.trim() }) });
      store.update((state) => ({ ...state, killSwitch: result.killSwitch }));
      return result;
    },
    async cancelTransaction({ transactionId }) {
      const result = await connection.command('transaction.cancel', { transactionId });
      store.update((state) => ({ ...state, delayed: state.delayed.filter((t) => t.id !== transactionId) }));
      return result;
    },
    registerOwner: ({ chain }) => deps.flows.registerOwner(chain),
    getOwner: () => connection.command('owner.status', {}),
    listPolicies: ({ wallet }) => connection.command('policy.list', { ...(wallet && { wallet }) }),
    changePolicy: ({ change }) => deps.flows.changePolicy(change),
    async setPrefs({ prefs }) {
      await deps.prefs.setValue(prefs);
      store.update((state) => ({ ...state, prefs }));
      return { prefs };
    },
  };

  // Each handler takes exactly the request of its type: the lookup by `type` makes that so.
  return (request) => (handlers[request.type] as (request: PageRequest) => Promise<PageResults[PageRequestType]>)(request);
}
