import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { servePopupPort } from '../src/port/serve-popup-port';

export default defineBackground(() => {
  // Pairing with the signer comes later; until then the companion is always unpaired.
  servePopupPort(browser.runtime, () => ({ connection: 'unpaired' }));
});
