import browser, { type Runtime } from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { defineCompanionStorage } from '../src/background/companion-storage';
import { isCosignRelayMessage } from '../src/background/cosign-relay-message';
import { createCompanion } from '../src/background/create-companion';
import { createIndexedDbKeyStore } from '../src/background/indexed-db-key-store';
import { openPopupOnClick } from '../src/background/open-popup-on-click';
import { browserSocket } from '../src/background/owner-socket';
import { extensionOriginOf } from '../src/background/pairing';
import { wakeOnAlarm } from '../src/background/reconnect-alarm';
import { servePagePort } from '../src/port/serve-page-port';

/**
 * The companion's background: the only WebSocket client of the signer. This file only hands the
 * browser's APIs to the services and their events to the browser; every listener is registered
 * synchronously here, so a service worker woken by an event still receives it.
 */
export default defineBackground(() => {
  const companion = createCompanion({
    openSocket: browserSocket(WebSocket),
    fetch: (url, init) => fetch(url, init),
    subtle: crypto.subtle,
    randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
    random: Math.random,
    now: Date.now,
    extensionOrigin: extensionOriginOf(browser.runtime.getURL('/')),
    keyStore: createIndexedDbKeyStore(indexedDB),
    storage: defineCompanionStorage(),
    notifications: browser.notifications,
    iconUrl: browser.runtime.getURL('/icon-128.png'),
    action: browser.action,
    windows: browser.windows,
    tabs: browser.tabs,
  });

  servePagePort(browser.runtime, { store: companion.store, handle: companion.handle });
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (isCosignRelayMessage(message)) companion.relay(message.message, sender);
  });
  openPopupOnClick(browser.notifications, browser.windows, browser.runtime.getURL('/popup.html'));
  wakeOnAlarm(browser.alarms, companion.wake);
});
