// A PagePort for tests: records what a model asks and lets the test answer, push state or drop the
// background, with no browser. Only tests import this file.
import type { CompanionError, CompanionState, PageReply, PageRequest, PageRequestType, PageResults } from '../port/messages';
import type { PagePort, PageRequestInput } from '../port/page-port';

export function createFakePagePort() {
  const requests: PageRequest[] = [];
  const waiting = new Map<string, (reply: PageReply) => void>();
  const stateListeners = new Set<(state: CompanionState) => void>();
  const disconnectListeners = new Set<() => void>();
  let disconnected = false;
  let ids = 0;

  const port: PagePort = {
    request<R extends PageRequestInput>(request: R): Promise<PageReply<R['type']>> {
      const id = `req-${++ids}`;
      requests.push({ ...request, id } as PageRequest);
      return new Promise((resolve) => waiting.set(id, resolve as (reply: PageReply) => void));
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onDisconnect(listener) {
      disconnectListeners.add(listener);
      return () => disconnectListeners.delete(listener);
    },
    disconnect: () => void (disconnected = true),
  };

  /** The oldest unanswered request of that type; fails the test when there is none. */
  const take = (type: PageRequestType): string => {
    const request = requests.find((r) => r.type === type && waiting.has(r.id));
    if (!request) throw new Error(`no unanswered ${type} request (asked: ${requests.map((r) => r.type).join(', ') || 'nothing'})`);
    return request.id;
  };
  const settle = (id: string, reply: PageReply): Promise<void> => {
    waiting.get(id)?.(reply);
    waiting.delete(id);
    // Lets the model's `await` continue before the test looks at its signals.
    return new Promise((resolve) => setTimeout(resolve, 0));
  };

  return {
    port,
    requests,
    /** Requests as sent, without their ids: what tests compare. */
    sent: () => requests.map(({ id: _id, ...rest }) => rest),
    answer: <T extends PageRequestType>(type: T, result: PageResults[T]) => {
      const id = take(type);
      return settle(id, { type: 'reply', id, ok: true, result });
    },
    fail: (type: PageRequestType, error: CompanionError) => {
      const id = take(type);
      return settle(id, { type: 'reply', id, ok: false, error });
    },
    push: (state: CompanionState) => stateListeners.forEach((listener) => listener(state)),
    dropFromBackground: () => disconnectListeners.forEach((listener) => listener()),
    listenerCount: () => stateListeners.size + disconnectListeners.size,
    isDisconnected: () => disconnected,
  };
}

export type FakePagePort = ReturnType<typeof createFakePagePort>;
