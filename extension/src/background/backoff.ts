/** Reconnect delays: 1 s doubling to 30 s, each ±20 % so many companions do not retry in step. */
export const BACKOFF = { firstMs: 1_000, maxMs: 30_000, jitter: 0.2 } as const;

/** The wait before reconnect attempt `attempt` (1 for the first retry); `random` is in [0, 1). */
export function backoffDelay(attempt: number, random: () => number): number {
  const base = Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** Math.max(0, attempt - 1));
  const factor = 1 - BACKOFF.jitter + 2 * BACKOFF.jitter * random();
  return Math.min(BACKOFF.maxMs, Math.round(base * factor));
}
