import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserKind } from '../support/browsers.js';

export const PROBE_GECKO_ID = 'harness-probe@waiaas.local';

/** The slice of the WebExtension API the harness test calls from an extension page (`browser` or `chrome`). */
export interface ProbeExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  action: { setBadgeText(details: { text: string }): Promise<void>; getBadgeText(details: object): Promise<string> };
  notifications: {
    create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<string>;
    getAll(): Promise<Record<string, unknown>>;
  };
}

// Opens the window the way the companion will open the co-sign window: the background is asked by a
// message and calls windows.create. Plain JS: both browsers load it as is.
const BACKGROUND = `const api = globalThis.browser ?? globalThis.chrome;
api.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.type !== 'open-window' || typeof message.url !== 'string') return false;
  api.windows.create({ url: message.url, type: 'popup', width: 420, height: 640 }).then(
    (created) => sendResponse({ type: created.type }),
    (error) => sendResponse({ error: String(error) }),
  );
  return true;
});
`;

// 1×1 transparent PNG: Chromium refuses a basic notification without an icon.
const ICON = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/**
 * Writes a throwaway MV3 extension into `dir`: a background that opens a popup window on request,
 * an extension page to call the action and notifications APIs from, and nothing else.
 */
export function writeProbeExtension(dir: string, kind: BrowserKind): void {
  const manifest = {
    manifest_version: 3,
    name: 'WAIaaS harness probe',
    version: '1.0.0',
    permissions: ['notifications'],
    action: { default_title: 'probe' },
    // Chromium MV3 only runs service workers; Firefox MV3 only runs background scripts.
    ...(kind === 'chromium'
      ? { background: { service_worker: 'background.js' } }
      : { background: { scripts: ['background.js'] }, browser_specific_settings: { gecko: { id: PROBE_GECKO_ID, data_collection_permissions: { required: ['none'] } } } }),
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'background.js'), BACKGROUND);
  writeFileSync(join(dir, 'page.html'), '<!doctype html><meta charset="utf-8"><title>probe</title><main>probe</main>');
  writeFileSync(join(dir, 'icon.png'), Buffer.from(ICON, 'base64'));
}
