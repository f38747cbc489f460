/** No delivery waits longer than this between attempts, whatever max_attempts is. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/** Wait after the `attempts`-th failed attempt: base, 2×base, 4×base… capped at an hour. */
export function retryDelayMs(baseMs: number, attempts: number): number {
  return Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
}
