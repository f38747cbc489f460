import {
  PAGE_PORT_NAME,
  isBackgroundMessage,
  type CompanionError,
  type CompanionState,
  type PageReply,
  type PageRequest,
  type PageRequestType,
} from './messages';

/** A request as a page writes it: the port adds the `id` the reply is matched by. */
export type PageRequestInput = PageRequest extends infer R ? (R extends PageRequest ? Omit<R, 'id'> : never) : never;

/** A page's side of the port to the background (popup, options), small enough to fake in a test. */
export interface PagePort {
  /** Resolves with the background's reply, or with a port error (timeout, background gone): never rejects. */
  request<R extends PageRequestInput>(request: R): Promise<PageReply<R['type']>>;
  /** Every state the background pushes. Returns a function that removes the listener. */
  onState(listener: (state: CompanionState) => void): () => void;
  /** Called when the background goes away (service worker stopped, extension reloaded). */
  onDisconnect(listener: () => void): () => void;
  disconnect(): void;
}

type Listeners<TListener> = {
  addListener(listener: TListener): void;
  removeListener(listener: TListener): void;
};

/** The slice of `runtime.Port` this adapter uses. */
export interface RuntimePort {
  postMessage(message: unknown): void;
  onMessage: Listeners<(message: unknown) => void>;
  onDisconnect: Listeners<() => void>;
  disconnect(): void;
}

const SECOND = 1000;
/**
 * How long a page waits for each reply. Requests that open the co-sign window wait for a person to
 * pick a wallet and sign, so they get minutes; the rest are answered from the background's state
 * or by one round trip to the signer.
 */
const TIMEOUTS_MS: Record<PageRequestType, number> = {
  getState: 10 * SECOND,
  pair: 30 * SECOND,
  unpair: 15 * SECOND,
  approve: 15 * 60 * SECOND,
  reject: 15 * 60 * SECOND,
  revokeSession: 15 * SECOND,
  activateKillSwitch: 15 * SECOND,
  cancelTransaction: 15 * SECOND,
  registerOwner: 15 * 60 * SECOND,
  getOwner: 15 * SECOND,
  listPolicies: 15 * SECOND,
  changePolicy: 15 * 60 * SECOND,
  setPrefs: 15 * SECOND,
};

/** Codes of the failures the port itself reports (the background's own errors carry theirs). */
export const PORT_TIMEOUT = 'COMPANION__PORT_TIMEOUT';
export const PORT_CLOSED = 'COMPANION__PORT_CLOSED';

export interface PagePortOptions {
  /** Per-type overrides of the reply timeouts (tests use short ones). */
  timeoutsMs?: Partial<Record<PageRequestType, number>>;
  newId?: () => string;
}

function failure(id: string, error: CompanionError): PageReply<never> {
  return { type: 'reply', id, ok: false, error };
}

/** Wraps a connected runtime port: matches replies to requests by id and fans out state pushes. */
export function createPagePort(port: RuntimePort, options: PagePortOptions = {}): PagePort {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const pending = new Map<string, (reply: PageReply) => void>();
  const stateListeners = new Set<(state: CompanionState) => void>();
  const disconnectListeners = new Set<() => void>();
  let closed = false;

  const onMessage = (message: unknown): void => {
    // Anything not shaped like a background message is dropped here, so no model ever sees it.
    if (!isBackgroundMessage(message)) return;
    if (message.type === 'state') stateListeners.forEach((listener) => listener(message.state));
    else pending.get(message.id)?.(message);
  };
  const close = (): void => {
    if (closed) return;
    closed = true;
    port.onMessage.removeListener(onMessage);
    port.onDisconnect.removeListener(onDisconnect);
    // Nothing will answer the requests still out: settle them rather than leave a spinner forever.
    for (const [id, settle] of [...pending]) settle(failure(id, { code: PORT_CLOSED, message: 'The extension background went away before answering.' }));
  };
  const onDisconnect = (): void => {
    close();
    disconnectListeners.forEach((listener) => listener());
  };
  port.onMessage.addListener(onMessage);
  port.onDisconnect.addListener(onDisconnect);

  return {
    request<R extends PageRequestInput>(request: R): Promise<PageReply<R['type']>> {
      const id = newId();
      if (closed) return Promise.resolve(failure(id, { code: PORT_CLOSED, message: 'The extension background is not reachable.' }));
      const timeoutMs = options.timeoutsMs?.[request.type] ?? TIMEOUTS_MS[request.type];
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          settle(failure(id, { code: PORT_TIMEOUT, message: `No answer from the extension background within ${Math.round(timeoutMs / SECOND)} s.` }));
        }, timeoutMs);
        const settle = (reply: PageReply): void => {
          clearTimeout(timer);
          pending.delete(id);
          // The background answers each id with the result of the request it was sent with.
          resolve(reply as PageReply<R['type']>);
        };
        pending.set(id, settle);
        port.postMessage({ ...request, id });
      });
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onDisconnect(listener) {
      disconnectListeners.add(listener);
      return () => disconnectListeners.delete(listener);
    },
    disconnect() {
      close();
      port.disconnect();
    },
  };
}

/** Opens a page's port to the background through `runtime.connect`. */
export function connectPagePort(runtime: { connect(info: { name: string }): RuntimePort }, options?: PagePortOptions): PagePort {
  return createPagePort(runtime.connect({ name: PAGE_PORT_NAME }), options);
}
