import { owner } from '@waiaas/protocol';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A page message without what the channel adds itself. */
export type PageMessageBody = DistributiveOmit<owner.CosignPageMessage, 'source' | 'ticket'>;

/** The window's only line to the companion, bound to one ticket. */
export interface CompanionChannel {
  post(body: PageMessageBody): void;
  /** Calls `listener` with every companion message for this ticket; returns the function that stops it. */
  listen(listener: (message: owner.CompanionMessage) => void): () => void;
}

/**
 * Messages travel through `window.postMessage` on this page itself: the companion's content script,
 * injected into this page only, relays them to and from its background. Nothing goes to an opener
 * or a frame, and what comes in is taken only from this window, parsed with the protocol's schema,
 * and dropped unless it carries this window's ticket.
 */
export function createCompanionChannel(ticket: string, win: Window = window): CompanionChannel {
  return {
    post(body) {
      const message = owner.CosignPageMessage.parse({ ...body, source: owner.COSIGN_PAGE_SOURCE, ticket });
      // targetOrigin: this page's own origin, so no other document can receive it.
      win.postMessage(message, win.location.origin);
    },
    listen(listener) {
      const onMessage = (event: MessageEvent<unknown>) => {
        if (event.source !== win || event.origin !== win.location.origin) return;
        const parsed = owner.CompanionMessage.safeParse(event.data);
        if (!parsed.success || parsed.data.ticket !== ticket) return;
        listener(parsed.data);
      };
      win.addEventListener('message', onMessage);
      return () => win.removeEventListener('message', onMessage);
    },
  };
}
