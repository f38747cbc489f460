import { WaiaasError } from '@waiaas/protocol';
import type { SessionRow } from '../session/session-store.js';
import { NATIVE_ASSET } from './spend-of.js';

/**
 * The limits given at session creation (--max-per-tx, --max-total), in the wallet's native unit.
 * `used` is what the session already has committed or reserved; the caller reads it and reserves
 * in the same database transaction, so concurrent requests cannot both slip under the limit.
 */
export function assertWithinSessionLimits(session: SessionRow, spend: Map<string, bigint>, used: bigint): void {
  const amount = spend.get(NATIVE_ASSET) ?? 0n;
  if (amount === 0n) return;
  if (session.max_per_tx !== null && amount > BigInt(session.max_per_tx)) {
    throw new WaiaasError('POLICY__SESSION_PER_TX_LIMIT', { asset: NATIVE_ASSET, amount: amount.toString(), limit: session.max_per_tx });
  }
  if (session.max_total !== null && used + amount > BigInt(session.max_total)) {
    throw new WaiaasError('POLICY__SESSION_TOTAL_LIMIT', {
      asset: NATIVE_ASSET,
      amount: amount.toString(),
      limit: session.max_total,
      used: used.toString(),
    });
  }
}
