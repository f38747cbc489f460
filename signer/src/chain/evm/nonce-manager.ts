/**
 * Hands out EVM nonces. `chainPendingNonce` is the node's `eth_getTransactionCount(address,
 * 'pending')`, read just before; an implementation returns a nonce no lower than it and never the
 * same one twice for an address. The pipeline supplies a persistent one (SQLite) so that a
 * restart does not reuse the nonce of a transaction it has signed but not yet sent.
 */
export interface NonceManager {
  reserve(address: string, chainPendingNonce: number): Promise<number> | number;
}

/**
 * The default: max(next local nonce, chain pending nonce), per address, in memory. `reserve` is
 * synchronous, and JavaScript runs it to completion, so it is already the per-address critical
 * section a mutex would give: concurrent builds, each having awaited its own chain read, get
 * consecutive nonces in the order they reach it.
 *
 * Limits: the map dies with the process (after a restart the node's pending count is the only
 * source, which misses signed-but-unsent transactions), and a reserved nonce that is never sent
 * leaves a gap that stalls later transactions until it is filled or the process restarts.
 */
export function createMemoryNonceManager(): NonceManager {
  const next = new Map<string, number>();
  return {
    reserve(address, chainPendingNonce) {
      if (!Number.isSafeInteger(chainPendingNonce) || chainPendingNonce < 0) {
        throw new RangeError(`A pending nonce must be a non-negative integer, not ${chainPendingNonce}.`);
      }
      const key = address.toLowerCase();
      const nonce = Math.max(next.get(key) ?? 0, chainPendingNonce);
      next.set(key, nonce + 1);
      return nonce;
    },
  };
}
