import { signal, type ReadonlySignal } from '@preact/signals';
import type { CompanionError, PageResults } from '../port/messages';
import type { PagePort, PageRequestInput } from '../port/page-port';

/** Where one request a page made stands: waiting for its reply, or failed with the reply's error. */
export interface RequestStatus {
  pending: boolean;
  error: CompanionError | null;
}

/**
 * The key a request's status is kept under: its type, and what it acts on when several of the same
 * type can be out at once (one approve per approval card).
 */
export function requestKey(type: PageRequestInput['type'], target?: string): string {
  return target === undefined ? type : `${type}:${target}`;
}

export interface RequestTracker {
  /** Only keys with a request out or a failure to show; a success leaves no entry. */
  statuses: ReadonlySignal<Readonly<Record<string, RequestStatus>>>;
  /** Sends the request and tracks it under `key`; resolves with the result, or undefined on failure. */
  run<R extends PageRequestInput>(key: string, request: R): Promise<PageResults[R['type']] | undefined>;
  /** Forgets a shown failure (the person dismissed it or is trying again). */
  dismiss(key: string): void;
}

/** Per-action pending and error signals for the requests a model sends through the port. */
export function createRequestTracker(port: PagePort): RequestTracker {
  const statuses = signal<Readonly<Record<string, RequestStatus>>>({});
  const set = (key: string, status: RequestStatus | undefined): void => {
    const { [key]: _previous, ...rest } = statuses.value;
    statuses.value = status === undefined ? rest : { ...rest, [key]: status };
  };
  return {
    statuses,
    async run(key, request) {
      set(key, { pending: true, error: null });
      const reply = await port.request(request);
      set(key, reply.ok ? undefined : { pending: false, error: reply.error });
      return reply.ok ? reply.result : undefined;
    },
    dismiss: (key) => set(key, undefined),
  };
}
