import { owner } from '@waiaas/protocol';
import { acceptRelayedMessage, type OpenCosignWindow, type RelaySender } from './accept-relayed-message.js';
import { textToBase64Url, toBase64Url } from './base64url.js';
import { companionFailure } from './companion-failure.js';

/** The slices of `browser.windows` and `browser.tabs` the co-sign windows use. */
export interface WindowsApi {
  create(data: { url: string; type: 'popup'; width: number; height: number }): Promise<{ id?: number; tabs?: { id?: number }[] }>;
  onRemoved: { addListener(listener: (windowId: number) => void): void; removeListener(listener: (windowId: number) => void): void };
}
export interface TabsApi {
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** What the window is for; the version and the ticket are added here. */
export type CosignWindowContent = DistributiveOmit<owner.CosignWindowHash, 'v' | 'ticket'>;
/** What the background says to the page; source and ticket are added here. */
export type CompanionMessageBody = DistributiveOmit<owner.CompanionMessage, 'source' | 'ticket'>;

export interface CosignWindow {
  readonly ticket: string;
  /**
   * The page's next message. Rejects with COMPANION__COSIGN_CANCELLED once the window is closed,
   * COMPANION__COSIGN_DECLINED when the page says the Owner declined, COMPANION__COSIGN_EXPIRED at `deadline`.
   */
  next(deadline: number): Promise<Exclude<owner.CosignPageMessage, { kind: 'declined' }>>;
  send(message: CompanionMessageBody): Promise<void>;
  /** Stops listening for this window (the page closes itself after `done`). */
  dispose(): void;
}

export interface CosignWindows {
  open(signerUrl: string, content: CosignWindowContent): Promise<CosignWindow>;
  /** Handles a `cosign-relay` runtime message; false when it was refused (wrong tab, page or ticket). */
  relay(message: unknown, sender: RelaySender): boolean;
}

export const COSIGN_WINDOW_SIZE = { width: 440, height: 680 } as const;

interface Inbox {
  window: OpenCosignWindow;
  queue: owner.CosignPageMessage[];
  closed: boolean;
  wake?: () => void;
}

/**
 * Opens the signer's co-sign page in a popup window (wallets inject only into http pages) with
 * the request in the URL fragment, and collects the page's answers as the content script relays
 * them. Each window gets a fresh 128-bit ticket; answers are accepted only from its own tab.
 */
export function createCosignWindows(deps: { windows: WindowsApi; tabs: TabsApi; randomBytes: (n: number) => Uint8Array<ArrayBuffer>; now: () => number }): CosignWindows {
  const open = new Map<string, OpenCosignWindow>();
  const inboxes = new Map<string, Inbox>();

  return {
    async open(signerUrl, content) {
      const ticket = toBase64Url(deps.randomBytes(16));
      const hash = owner.CosignWindowHash.parse({ v: '1', ticket, ...content });
      const created = await deps.windows.create({
        url: `${signerUrl}${owner.COSIGN_WINDOW_PATH}#${textToBase64Url(JSON.stringify(hash))}`,
        type: 'popup',
        ...COSIGN_WINDOW_SIZE,
      });
      const tabId = created.tabs?.[0]?.id;
      if (created.id === undefined || tabId === undefined) throw companionFailure('COMPANION__UNEXPECTED', { reason: 'the co-sign window has no tab' });
      const windowId = created.id;
      const inbox: Inbox = { window: { tabId, signerUrl }, queue: [], closed: false };
      const onRemoved = (removed: number) => {
        if (removed !== windowId) return;
        inbox.closed = true;
        inbox.wake?.();
      };
      deps.windows.onRemoved.addListener(onRemoved);
      open.set(ticket, inbox.window);
      inboxes.set(ticket, inbox);

      return {
        ticket,
        async next(deadline) {
          for (;;) {
            const message = inbox.queue.shift();
            if (message?.kind === 'declined') throw companionFailure('COMPANION__COSIGN_DECLINED', { reason: message.reason });
            if (message) return message;
            if (inbox.closed) throw companionFailure('COMPANION__COSIGN_CANCELLED');
            if (deps.now() >= deadline) throw companionFailure('COMPANION__COSIGN_EXPIRED');
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, deadline - deps.now());
              inbox.wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
            inbox.wake = undefined;
          }
        },
        async send(body) {
          await deps.tabs.sendMessage(tabId, { source: owner.COMPANION_SOURCE, ticket, ...body });
        },
        dispose() {
          deps.windows.onRemoved.removeListener(onRemoved);
          open.delete(ticket);
          inboxes.delete(ticket);
        },
      };
    },
    relay(message, sender) {
      const accepted = acceptRelayedMessage(open, message, sender);
      if (!accepted) return false;
      const inbox = inboxes.get(accepted.ticket);
      inbox?.queue.push(accepted);
      inbox?.wake?.();
      return true;
    },
  };
}
