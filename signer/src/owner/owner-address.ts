import { getAddressEncoder, isAddress as isSolanaAddress } from '@solana/kit';
import { WaiaasError, type Chain } from '@waiaas/protocol';
import { getAddress, isAddress as isEvmAddress } from 'viem';

export interface OwnerAddress {
  chain: Chain;
  /** base58 for Solana, EIP-55 checksummed for EVM. */
  address: string;
}

/** Reads an Owner address typed by a person; the chain follows from its form. */
export function parseOwnerAddress(input: string): OwnerAddress {
  const text = input.trim();
  if (/^0x[0-9a-fA-F]{40}$/.test(text) && isEvmAddress(text, { strict: false })) return { chain: 'evm', address: getAddress(text) };
  if (isSolanaAddress(text)) return { chain: 'solana', address: text };
  throw new WaiaasError('OWNER__INVALID_ADDRESS', { address: text.slice(0, 100) });
}

/** The 32-byte Ed25519 public key behind a Solana address. */
export function solanaPublicKey(address: string): Uint8Array {
  if (!isSolanaAddress(address)) throw new WaiaasError('OWNER__INVALID_ADDRESS', { address });
  return new Uint8Array(getAddressEncoder().encode(address));
}
