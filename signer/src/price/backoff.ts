export interface Backoff {
  /** ms until the next attempt may be made; 0 means go. */
  waitMs(): number;
  /** Records a failure; returns how long attempts now wait. A Retry-After longer than the doubling wins. */
  failed(retryAfterMs?: number): number;
  succeeded(): void;
}

/**
 * Exponential backoff after consecutive failures (baseMs, 2×, 4×… up to maxMs), so a provider that
 * is down or rate-limiting us is not hit by every transaction request meanwhile.
 */
export function createBackoff(opts: { baseMs: number; maxMs: number; now: () => number }): Backoff {
  let failures = 0;
  let until = 0;
  return {
    waitMs: () => Math.max(0, until - opts.now()),
    failed(retryAfterMs) {
      failures += 1;
      const delay = Math.min(opts.maxMs, Math.max(retryAfterMs ?? 0, opts.baseMs * 2 ** Math.min(failures - 1, 30)));
      until = opts.now() + delay;
      return delay;
    },
    succeeded() {
      failures = 0;
      until = 0;
    },
  };
}
