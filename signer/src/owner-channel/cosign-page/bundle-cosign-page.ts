import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface CosignPageAssets {
  html: string;
  css: string;
  js: string;
}

const pageFile = (name: string) => fileURLToPath(new URL(`./page/${name}`, import.meta.url));

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
      entryPoints: [pageFile('cosign-page.ts')],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
      logLevel: 'silent',
    }),
  ]);
  const js = result.outputFiles[0]?.text;
  if (!js) throw new Error('esbuild produced no output for the co-sign page');
  return { html, css, js };
}
