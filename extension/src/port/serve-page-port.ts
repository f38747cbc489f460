import type { CompanionStore } from '../background/companion-store.js';
import { companionFailure, toCompanionError } from '../background/companion-failure.js';
import { PAGE_PORT_NAME, type BackgroundMessage, type PageRequest, type PageResults } from './messages.js';
import { parsePageRequest } from './page-request-schema.js';

/** The slice of `runtime.Port` the background uses when a page connects. */
export interface IncomingPort {
  name: string;
  sender?: { id?: string; url?: string };
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

/** The slice of `runtime` the background needs to serve the pages. */
export interface PagePortRuntime {
  id: string;
  getURL(path: string): string;
  onConnect: { addListener(listener: (port: IncomingPort) => void): void };
}

/** Carries out one request; throws CompanionFailure (or anything, reported as unexpected). */
export type PageRequestHandler = (request: PageRequest) => Promise<PageResults[PageRequest['type']]>;

/**
 * Whether a port comes from one of this extension's own pages (popup, options).
 * Content scripts share the extension id but run on web pages, so their sender url is the page's:
 * the url prefix, not the id alone, is what keeps a web page out of the trusted Owner channel.
 */
export function isOwnExtensionPage(port: IncomingPort, runtime: PagePortRuntime): boolean {
  const { sender } = port;
  return sender?.id === runtime.id && sender.url?.startsWith(runtime.getURL('/')) === true;
}

/**
 * The typed port the popup and options pages talk through: each request is parsed, carried out and
 * answered with `{ type: 'reply', id, ok, ... }`; every change of the state is pushed to every
 * connected page as `{ type: 'state' }`.
 */
export function servePagePort(runtime: PagePortRuntime, deps: { store: CompanionStore; handle: PageRequestHandler }): void {
  const pages = new Set<IncomingPort>();
  const post = (port: IncomingPort, message: BackgroundMessage) => {
    try {
      port.postMessage(message);
    } catch {
      // The page went away between the request and the answer.
      pages.delete(port);
    }
  };
  deps.store.subscribe((state) => {
    for (const port of pages) post(port, { type: 'state', state });
  });

  runtime.onConnect.addListener((port) => {
    if (port.name !== PAGE_PORT_NAME) return;
    if (!isOwnExtensionPage(port, runtime)) {
      port.disconnect();
      return;
    }
    pages.add(port);
    port.onDisconnect.addListener(() => pages.delete(port));
    port.onMessage.addListener((message) => {
      const parsed = parsePageRequest(message);
      if (!parsed.ok) {
        // Without an id there is nothing to answer to: dropped.
        if (parsed.id !== null) {
          const error = companionFailure('COMPANION__INVALID_REQUEST', { issue: parsed.issue }).toCompanionError();
          post(port, { type: 'reply', id: parsed.id, ok: false, error });
        }
        return;
      }
      const { id } = parsed.request;
      deps.handle(parsed.request).then(
        (result) => post(port, { type: 'reply', id, ok: true, result }),
        (error: unknown) => post(port, { type: 'reply', id, ok: false, error: toCompanionError(error) }),
      );
    });
  });
}
