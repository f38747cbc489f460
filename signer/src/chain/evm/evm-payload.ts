import { WaiaasError } from '@waiaas/protocol';
import { type Address, type Hex, getAddress, isAddress, isHex } from 'viem';
import { z } from 'zod';

const address = z.custom<Address>((value) => typeof value === 'string' && isAddress(value, { strict: true }), 'want an EIP-55 address');
const hex = z.custom<Hex>((value) => isHex(value, { strict: true, even: true }), 'want even-length 0x hex');
const uint = z.string().regex(/^(0|[1-9][0-9]*)$/, 'want a decimal integer');

/**
 * The adapter's UnsignedTransaction.payload: an EIP-1559 transaction with bigints as decimal
 * strings (the pipeline persists it as JSON), plus what the builder learnt about the token so
 * that simulation and review need not ask the chain again.
 */
export const EvmPayload = z.object({
  version: z.literal(1),
  kind: z.enum(['TRANSFER', 'TOKEN_TRANSFER', 'APPROVE', 'CONTRACT_CALL']),
  from: address,
  chainId: z.number().int().positive(),
  nonce: z.number().int().nonnegative(),
  to: address,
  value: uint,
  data: hex,
  gas: uint,
  maxFeePerGas: uint,
  maxPriorityFeePerGas: uint,
  token: z.object({ address, symbol: z.string().optional(), decimals: z.number().int().nonnegative() }).optional(),
});
export type EvmPayload = z.infer<typeof EvmPayload>;

export type EvmPayloadKind = EvmPayload['kind'];

/** The payload as viem wants it: checksummed addresses, bigints. */
export interface EvmTransaction {
  type: 'eip1559';
  chainId: number;
  nonce: number;
  to: Address;
  value: bigint;
  data: Hex;
  gas: bigint;
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
}

/** A persisted payload is re-checked before use: the database is not the adapter's to trust blindly. */
export function parseEvmPayload(payload: Record<string, unknown>): EvmPayload {
  const parsed = EvmPayload.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new WaiaasError('CHAIN__INVALID_CALL', {
      reason: `the stored EVM payload is malformed (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown'})`,
    });
  }
  return parsed.data;
}

export function toEvmTransaction(payload: EvmPayload): EvmTransaction {
  return {
    type: 'eip1559',
    chainId: payload.chainId,
    nonce: payload.nonce,
    to: getAddress(payload.to),
    value: BigInt(payload.value),
    data: payload.data,
    gas: BigInt(payload.gas),
    maxFeePerGas: BigInt(payload.maxFeePerGas),
    maxPriorityFeePerGas: BigInt(payload.maxPriorityFeePerGas),
  };
}
