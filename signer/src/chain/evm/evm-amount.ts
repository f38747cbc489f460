import { WaiaasError } from '@waiaas/protocol';
import { maxUint256 } from 'viem';

/** A positive amount that fits a uint256, or AMOUNT__INVALID. */
export function assertPositiveAmount(amount: bigint): bigint {
  if (amount <= 0n) throw invalidAmount(amount, 'it must be greater than zero');
  return assertUint256(amount);
}

/** Zero or more, fitting a uint256 (ETH attached to a call, an allowance). */
export function assertUint256(amount: bigint): bigint {
  if (amount < 0n) throw invalidAmount(amount, 'amounts cannot be negative');
  if (amount > maxUint256) throw invalidAmount(amount, 'it does not fit in 256 bits');
  return amount;
}

function invalidAmount(amount: bigint, reason: string): WaiaasError<'AMOUNT__INVALID'> {
  return new WaiaasError('AMOUNT__INVALID', { input: amount.toString(), reason });
}
