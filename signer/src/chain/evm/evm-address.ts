import { WaiaasError } from '@waiaas/protocol';
import { type Address, getAddress, isAddress } from 'viem';

/** 0x + 40 hex digits; mixed case must be a correct EIP-55 checksum (all-lower is accepted). */
export function isEvmAddress(address: string): address is Address {
  return isAddress(address, { strict: true });
}

/** The address, checksummed, or CHAIN__INVALID_ADDRESS: a mistyped checksum is never "fixed". */
export function assertEvmAddress(address: string): Address {
  if (!isEvmAddress(address)) throw new WaiaasError('CHAIN__INVALID_ADDRESS', { address, chain: 'evm' });
  return getAddress(address);
}
