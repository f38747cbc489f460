/// <reference lib="dom" />
import type { NotificationPrefs, PairingInfo } from '../port/messages.js';
import type { PageRequestHandler } from '../port/serve-page-port.js';
import type { RelaySender } from './accept-relayed-message.js';
import { walletLabel } from './activity-text.js';
import { type ActionBadgeApi, showPendingApprovals } from './badge.js';
import { createApprovalNotifier, type NotificationsApi } from './approval-notifier.js';
import { type CompanionStore, createStore, initialCompanionState } from './companion-store.js';
import { createCompanionSync } from './companion-sync.js';
import { createCosignFlows } from './cosign-flows.js';
import { createCosignWindows, type TabsApi, type WindowsApi } from './cosign-windows.js';
import { createDeviceKeys, type KeyPairStore } from './device-keys.js';
import { createOwnerConnection, type OwnerConnection } from './owner-connection.js';
import type { OpenSocket } from './owner-socket.js';
import { createPageActions } from './page-actions.js';
import { createPairing, type FetchLike, type Pairing } from './pairing.js';
import type { StorageItem } from './storage-item.js';

/** Everything the companion needs from its platform: the browser in the extension, Node in tests. */
export interface CompanionPlatform {
  openSocket: OpenSocket;
  fetch: FetchLike;
  subtle: SubtleCrypto;
  randomBytes: (length: number) => Uint8Array<ArrayBuffer>;
  random: () => number;
  now: () => number;
  extensionOrigin: string;
  keyStore: KeyPairStore;
  storage: {
    pairing: StorageItem<PairingInfo | null>;
    cache: StorageItem<unknown>;
    prefs: StorageItem<NotificationPrefs>;
    notified: StorageItem<string[]>;
  };
  notifications: NotificationsApi;
  iconUrl: string;
  action: ActionBadgeApi;
  windows: WindowsApi;
  tabs: TabsApi;
}

export interface Companion {
  store: CompanionStore;
  pairing: Pairing;
  connection: OwnerConnection;
  /** Loads what storage holds, shows it, and connects if paired. */
  ready: Promise<void>;
  handle: PageRequestHandler;
  /** A `cosign-relay` message from the content script. */
  relay(message: unknown, sender: RelaySender): boolean;
  /** The alarm fired: reconnect if the connection is down. */
  wake(): void;
}

/** Builds the background's services and wires them to each other; the entrypoint wires them to the browser. */
export function createCompanion(platform: CompanionPlatform): Companion {
  const store = createStore(initialCompanionState());
  const deviceKeys = createDeviceKeys(platform.subtle, platform.keyStore);
  const pairing = createPairing({
    fetch: platform.fetch,
    subtle: platform.subtle,
    randomBytes: platform.randomBytes,
    deviceKeys,
    pairing: platform.storage.pairing,
    extensionOrigin: platform.extensionOrigin,
    now: () => new Date(platform.now()),
  });
  const notifier = createApprovalNotifier({
    notifications: platform.notifications,
    seen: platform.storage.notified,
    prefs: () => store.get().prefs,
    iconUrl: platform.iconUrl,
  });
  // The connection hands frames to the sync and the sync sends commands on the connection: the
  // closures below run only once both exist.
  const connection = createOwnerConnection({
    openSocket: platform.openSocket,
    subtle: platform.subtle,
    pairing: () => pairing.current(),
    deviceKey: () => deviceKeys.current(),
    extensionOrigin: platform.extensionOrigin,
    lastSeq: () => sync.lastSeq(),
    onStatus: ({ connection: state, lastError, retryAt }) => store.update((s) => ({ ...s, connection: state, lastError, retryAt })),
    onFrame: (frame) => sync.handle(frame),
    random: platform.random,
    now: platform.now,
  });
  const { command } = connection;
  const sync = createCompanionSync({
    store,
    command,
    cache: platform.storage.cache,
    onNotice: (notice, state) => notifier.notice(notice, walletLabel(state, notice.walletId)),
  });
  const windows = createCosignWindows({ windows: platform.windows, tabs: platform.tabs, randomBytes: platform.randomBytes, now: platform.now });
  const flows = createCosignFlows({ windows, command, pairing: () => pairing.current(), approvals: () => store.get().approvals, now: platform.now });
  const actions = createPageActions({ store, pairing, connection, sync, flows, prefs: platform.storage.prefs });

  const ready = (async () => {
    await notifier.load();
    const [prefs, paired] = await Promise.all([platform.storage.prefs.getValue(), pairing.current()]);
    store.update((state) => ({ ...state, prefs, pairing: paired, connection: paired ? 'connecting' : 'unpaired' }));
    if (paired) await sync.restore();
    // Subscribed after the restore: approvals in the cache were notified before it was written.
    let notified = store.get().approvals;
    store.subscribe((state) => {
      if (state.approvals === notified) return;
      notified = state.approvals;
      notifier.approvals(state.approvals);
    });
    showPendingApprovals(platform.action, store);
    if (paired) connection.start();
  })();

  return {
    store,
    pairing,
    connection,
    ready,
    handle: async (request) => {
      await ready;
      return actions(request);
    },
    relay: (message, sender) => windows.relay(message, sender),
    wake: () => void ready.then(() => connection.wake()),
  };
}
