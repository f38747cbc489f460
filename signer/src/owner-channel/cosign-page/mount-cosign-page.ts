import type { Context, Hono } from 'hono';
import { bundleCosignPage, type CosignPageAssets } from './bundle-cosign-page.js';

export const COSIGN_PAGE_PATH = '/v1/owner/cosign';

/**
 * No inline script, nothing from elsewhere, no network at all (`connect-src 'none'`): the page needs
 * only its own files and the wallets the browser injects. Never framed, so no site can overlay it.
 */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS = {
  'content-security-policy': CSP,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/**
 * Serves the co-sign page on the Owner app (TCP listener only). The bundle starts building now, so
 * the first request does not wait for it; a failed build answers every request with the error
 * handler's coded 500 and logs the cause.
 */
export function mountCosignPage(app: Hono, assets: Promise<CosignPageAssets> = bundleCosignPage()): void {
  // Nobody may be awaiting yet: keep an early failure from becoming an unhandled rejection.
  assets.catch(() => undefined);
  const serve = (type: string, pick: (a: CosignPageAssets) => string) => async (c: Context) =>
    c.body(pick(await assets), 200, { ...SECURITY_HEADERS, 'content-type': `${type}; charset=utf-8` });
  app.get(COSIGN_PAGE_PATH, serve('text/html', (a) => a.html));
  app.get(`${COSIGN_PAGE_PATH}.js`, serve('text/javascript', (a) => a.js));
  app.get(`${COSIGN_PAGE_PATH}.css`, serve('text/css', (a) => a.css));
}
