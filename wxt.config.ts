import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

const ICONS = { 16: 'icon-16.png', 48: 'icon-48.png', 128: 'icon-128.png' };

// The extension's sources live in extension/ (the product's fixed layout), but WXT runs from the
// repository root so that one `wxt build` builds it and this file stays where the layout puts it.
export default defineConfig({
  srcDir: 'extension',
  // Entrypoints import what they use; no auto-imported globals.
  imports: false,
  outDir: 'extension/.output',
  // Relative to the root, not to srcDir: the icons live with the rest of the extension.
  publicDir: 'extension/public',
  // WXT builds Firefox as MV2 unless told otherwise; the companion is MV3 in both browsers.
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'WAIaaS Owner companion',
    description: 'Review, co-sign or stop what your AI agents do with their wallets.',
    // alarms: wakes a stopped service worker (or Firefox event page) to reconnect to the signer.
    permissions: ['storage', 'notifications', 'alarms'],
    icons: ICONS,
    action: { default_icon: ICONS },
    // The signer only listens on loopback; the extension never needs any other host.
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'owner-companion@waiaas.local',
              strict_min_version: '128.0',
              // The companion sends nothing anywhere but the local signer.
              data_collection_permissions: { required: ['none'] },
            },
          },
          // Firefox MV3's default CSP blocks ws://127.0.0.1 from the background page.
          content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
        }
      : {}),
  }),
});
