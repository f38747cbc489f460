import { owner } from '@waiaas/protocol';
import browser from 'webextension-polyfill';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { COSIGN_RELAY, type CosignRelayMessage } from '../src/background/cosign-relay-message';

/**
 * The bridge between the signer's co-sign page and the background: wallets inject only into http
 * pages, so the Owner signs there, and the page cannot reach the extension by itself. Injected only
 * into the co-sign page's path on loopback (a match pattern without a port matches every port, and
 * the signer's port is configurable); the pathname check below stays as a second guard. It trusts
 * nothing: it forwards only well-formed page messages posted by the page itself, and the background
 * still checks that they come from the tab it opened.
 */
export default defineContentScript({
  // Literal patterns: WXT reads them at build time into the manifest. The path is owner.COSIGN_WINDOW_PATH.
  matches: ['http://127.0.0.1/v1/owner/cosign*', 'http://localhost/v1/owner/cosign*'],
  runAt: 'document_start',
  main() {
    if (location.pathname !== owner.COSIGN_WINDOW_PATH) return;

    window.addEventListener('message', (event: MessageEvent<unknown>) => {
      // Only the page's own posts: not frames, not other windows, not our own messages to the page.
      if (event.source !== window || event.origin !== location.origin) return;
      const parsed = owner.CosignPageMessage.safeParse(event.data);
      if (!parsed.success) return;
      const relay: CosignRelayMessage = { type: COSIGN_RELAY, message: parsed.data };
      // Nothing to do if the background is gone: the co-sign flow waiting for this has gone with it.
      browser.runtime.sendMessage(relay).catch(() => undefined);
    });

    browser.runtime.onMessage.addListener((message: unknown) => {
      const parsed = owner.CompanionMessage.safeParse(message);
      if (parsed.success) window.postMessage(parsed.data, location.origin);
    });
  },
});
