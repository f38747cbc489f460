import { owner } from '@waiaas/protocol';

/** Who sent a runtime message, as the browser reports it (never as the message claims). */
export interface RelaySender {
  tab?: { id?: number };
  url?: string;
}

/** A co-sign window the background opened: the only tab allowed to answer for its ticket. */
export interface OpenCosignWindow {
  tabId: number;
  signerUrl: string;
}

/**
 * A message relayed by the content script is accepted only if it parses as a CosignPageMessage,
 * names a ticket we issued, comes from the very tab we opened for that ticket, and that tab is
 * still on the signer's co-sign page. Another co-sign page on 127.0.0.1 (any port: the content
 * script matches the path on every port) cannot answer for a window it did not get, nor can the
 * right tab once navigated away.
 */
export function acceptRelayedMessage(
  open: ReadonlyMap<string, OpenCosignWindow>,
  message: unknown,
  sender: RelaySender,
): owner.CosignPageMessage | null {
  const parsed = owner.CosignPageMessage.safeParse(message);
  if (!parsed.success) return null;
  const window = open.get(parsed.data.ticket);
  if (!window || sender.tab?.id === undefined || sender.tab.id !== window.tabId) return null;
  const page = `${window.signerUrl}${owner.COSIGN_WINDOW_PATH}`;
  if (!sender.url?.startsWith(page)) return null;
  const rest = sender.url.slice(page.length);
  if (rest !== '' && !rest.startsWith('#') && !rest.startsWith('?')) return null;
  return parsed.data;
}
