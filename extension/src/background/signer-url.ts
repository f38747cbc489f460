import { owner } from '@waiaas/protocol';
import { companionFailure } from './companion-failure.js';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

export interface SignerAddress {
  /** `http://127.0.0.1:3100`: no path, no trailing slash. */
  origin: string;
  /** `ws://127.0.0.1:3100/v1/owner/ws`. */
  wsUrl: string;
}

/**
 * The signer listens on loopback only, and the extension's host permissions cover nothing else:
 * any other address is refused here with a clear message rather than failing later as a network
 * error (or, worse, pairing with something on the network). The port must be explicit, as
 * `waiaas pair` prints it.
 */
export function parseSignerUrl(input: string): SignerAddress {
  const invalid = () => companionFailure('COMPANION__SIGNER_URL_INVALID', { url: input.slice(0, 200) });
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw invalid();
  }
  const bare = url.username === '' && url.password === '' && url.search === '' && url.hash === '' && url.pathname === '/';
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname) || url.port === '' || !bare) throw invalid();
  const origin = `http://${url.hostname}:${url.port}`;
  return { origin, wsUrl: `ws://${url.hostname}:${url.port}${owner.OWNER_WS_PATH}` };
}
