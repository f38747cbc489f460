import { WaiaasError } from '@waiaas/protocol';
import { type Hex, decodeFunctionData, maxUint256, parseAbi } from 'viem';

/** The ERC-20 allowance setters whose amount argument comes second. */
const allowanceAbi = parseAbi([
  'function approve(address spender, uint256 amount)',
  'function increaseAllowance(address spender, uint256 addedValue)',
]);

/**
 * An unlimited allowance outlives every spending limit the policy sets, so it is refused however
 * it is asked for: as an APPROVE intent, or as a CONTRACT_CALL whose calldata is approve() or
 * increaseAllowance() with 2^256-1. (A guard against the obvious, not a policy engine: other
 * forms, e.g. NFT setApprovalForAll or Permit2, are the policy's to judge.)
 */
export function refuseUnlimitedAllowance(amount: bigint): void {
  if (amount === maxUint256) {
    throw new WaiaasError('CHAIN__INVALID_CALL', { reason: 'an unlimited (2^256-1) approval is refused; approve the amount needed' });
  }
}

export function refuseUnlimitedAllowanceCall(data: Hex): void {
  let amount: bigint;
  try {
    amount = decodeFunctionData({ abi: allowanceAbi, data }).args[1];
  } catch {
    return; // Not an allowance setter.
  }
  refuseUnlimitedAllowance(amount);
}
