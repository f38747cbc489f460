import { webcrypto } from 'node:crypto';
import WebSocket from 'ws';
import type { NotificationPrefs, PairingInfo } from '../../extension/src/port/messages.js';
import { createMemoryKeyPairStore, type KeyPairStore } from '../../extension/src/background/device-keys.js';
import type { CompanionPlatform } from '../../extension/src/background/create-companion.js';
import type { OpenSocket } from '../../extension/src/background/owner-socket.js';
import { createMemoryStorageItem } from '../../extension/src/background/storage-item.js';
import { TEST_ORIGIN } from '../support/owner-device.js';

/**
 * The `ws` package as the companion's socket. In a browser the Origin header is the extension's own
 * origin without asking; here it is set to the test extension origin the device pairs from.
 */
export const wsSocket = (origin: string, sent: unknown[] = []): OpenSocket => (url, handlers) => {
  const ws = new WebSocket(url, { origin });
  ws.on('open', () => handlers.open());
  ws.on('message', (data, isBinary) => handlers.message(isBinary ? data : data.toString()));
  ws.on('close', (code, reason) => handlers.close(code, reason.toString()));
  // An error is followed by 'close'; without a listener `ws` would throw it.
  ws.on('error', () => undefined);
  return {
    send: (text) => {
      sent.push(JSON.parse(text));
      ws.send(text);
    },
    close: (code, reason) => ws.close(code, reason),
  };
};

/** What survives a service worker restart: storage.local and IndexedDB. */
export interface PersistentParts {
  keyStore: KeyPairStore;
  storage: CompanionPlatform['storage'];
}

export function createPersistentParts(): PersistentParts {
  return {
    keyStore: createMemoryKeyPairStore(),
    storage: {
      pairing: createMemoryStorageItem<PairingInfo | null>(null),
      cache: createMemoryStorageItem<unknown>(null),
      prefs: createMemoryStorageItem<NotificationPrefs>({ approvals: true, notices: true }),
      notified: createMemoryStorageItem<string[]>([]),
    },
  };
}

/** Node's fetch, WebCrypto and the `ws` client in place of the browser's, with recording fakes for the UI APIs. */
export function nodeCompanionPlatform(parts: PersistentParts) {
  const notifications: { id: string; title: string; message: string }[] = [];
  const badge: string[] = [];
  /** Every frame the companion sent, in order. */
  const sent: unknown[] = [];
  const platform: CompanionPlatform = {
    ...parts,
    openSocket: wsSocket(TEST_ORIGIN, sent),
    fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, origin: TEST_ORIGIN } }),
    subtle: webcrypto.subtle as SubtleCrypto,
    randomBytes: (length) => webcrypto.getRandomValues(new Uint8Array(length)),
    random: Math.random,
    now: Date.now,
    extensionOrigin: TEST_ORIGIN,
    notifications: {
      create: async (id, options) => {
        notifications.push({ id, title: options.title, message: options.message });
        return id;
      },
      clear: async () => true,
    },
    iconUrl: `${TEST_ORIGIN}/icon-128.png`,
    action: { setBadgeText: async ({ text }) => void badge.push(text), setBadgeBackgroundColor: async () => undefined },
    windows: {
      create: async () => Promise.reject(new Error('no co-sign windows in this test')),
      onRemoved: { addListener: () => undefined, removeListener: () => undefined },
    },
    tabs: { sendMessage: async () => undefined },
  };
  return { platform, notifications, badge, sent };
}
