import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

export interface CosignPageAssets {
  html: string;
  css: string;
  js: string;
}

/**
 * The one place the signer reads the extension's sources. Wallets (Phantom, MetaMask…) inject into
 * http(s) pages only, never into extension pages, so the co-sign window must be a page the signer
 * serves on its loopback listener; building it from the companion's own UI code keeps the request
 * rendered exactly as the popup renders it. The dependency stays one-way at the package level: the
 * signer imports nothing from the extension, it only bundles these files for the browser.
 */
const PAGE_DIR = new URL('../../../../extension/src/cosign-page/', import.meta.url);
const pageFile = (name: string) => fileURLToPath(new URL(name, PAGE_DIR));

/**
 * protocol/ writes `import { z } from 'zod'`: esbuild cannot tree-shake that namespace object, so it
 * would bundle all of zod, every locale included (~450 KB minified instead of ~75 KB).
 * `import * as z from 'zod'` is the same module and tree-shakes; protocol/ may adopt it one day,
 * which makes this plugin a no-op.
 */
const zodNamespaceImports: Plugin = {
  name: 'zod-namespace-imports',
  setup(b) {
    b.onLoad({ filter: /[\\/]protocol[\\/]src[\\/].*\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replace(/^import \{ z \} from (['"])zod\1;/gm, 'import * as z from $1zod$1;'),
      loader: 'ts',
    }));
  },
};

/**
 * Bundles the page when the daemon starts, in memory: the signer runs from its TypeScript sources
 * through tsx with no build step, so `npm start`, `npm test` and `waiaas start` on a fresh clone all
 * serve the same page without an extra command or a generated file to keep in sync.
 */
export async function bundleCosignPage(): Promise<CosignPageAssets> {
  const [html, css, result] = await Promise.all([
    readFile(pageFile('cosign.html'), 'utf8'),
    readFile(pageFile('cosign.css'), 'utf8'),
    build({
      entryPoints: [pageFile('main.tsx')],
      bundle: true,
      write: false,
      format: 'esm',
      // platform browser makes esbuild follow package.json `browser` fields: @solana/web3.js maps
      // itself to lib/index.browser.esm.js, which imports the `buffer` package instead of Node's
      // Buffer, and bn.js drops its optional Node `buffer` require. Nothing needs a polyfill.
      platform: 'browser',
      mainFields: ['browser', 'module', 'main'],
      conditions: ['browser', 'import'],
      target: 'es2022',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      define: { 'process.env.NODE_ENV': '"production"' },
      plugins: [zodNamespaceImports],
      minify: true,
      legalComments: 'none',
      logLevel: 'silent',
    }),
  ]);
  const js = result.outputFiles[0]?.text;
  if (!js) throw new Error('esbuild produced no output for the co-sign page');
  return { html, css, js };
}
