import { z } from 'zod';
import { Chain } from '../common/ids.js';

/**
 * Off-chain signing by agents: plain messages and EIP-712 typed data. Both are refused unless an
 * ALLOWED_SIGNING policy allows them — typed data such as permits can move funds.
 */

/** 64 KiB of message bytes: more than any login or attestation needs, and within Solana's off-chain message limit. */
export const MAX_MESSAGE_BYTES = 65_535;

export const SignMessageRequest = z.strictObject({
  /** The message: text (utf8) or 0x-prefixed hex of raw bytes. */
  message: z.string().min(1).max(2 + 2 * MAX_MESSAGE_BYTES),
  encoding: z.enum(['utf8', 'hex']).default('utf8'),
});
export type SignMessageRequest = z.infer<typeof SignMessageRequest>;

const Identifier = z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, 'must be an identifier');

export const TypedDataField = z.strictObject({
  name: Identifier,
  /** A Solidity type, a struct named in `types`, or an array of either; viem checks the rest. */
  type: z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]*(\[[0-9]*\])*$/, 'must be an EIP-712 type such as uint256, address[] or Mail'),
});

export const TypedDataDomain = z.strictObject({
  name: z.string().max(128).optional(),
  version: z.string().max(64).optional(),
  chainId: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  verifyingContract: z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x address').optional(),
  salt: z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'must be 32 bytes of 0x hex').optional(),
});
export type TypedDataDomain = z.infer<typeof TypedDataDomain>;

/** An EIP-712 object as eth_signTypedData_v4 takes it; uint values may be JSON numbers or decimal strings. */
export const TypedData = z
  .strictObject({
    domain: TypedDataDomain,
    types: z
      .record(Identifier, z.array(TypedDataField).min(1).max(64))
      .refine((t) => Object.keys(t).length <= 64, 'at most 64 types'),
    primaryType: Identifier,
    message: z.record(z.string(), z.unknown()),
  })
  .refine((t) => t.primaryType !== 'EIP712Domain' && Object.hasOwn(t.types, t.primaryType), {
    message: 'primaryType must name a struct in types (not EIP712Domain)',
    path: ['primaryType'],
  });
export type TypedData = z.infer<typeof TypedData>;

export const SignTypedDataRequest = z.strictObject({ typedData: TypedData });
export type SignTypedDataRequest = z.infer<typeof SignTypedDataRequest>;

export const SignatureResponse = z.object({
  chain: Chain,
  /** The wallet address that signed. */
  address: z.string(),
  /** EVM: 0x hex of the 65-byte r‖s‖v (v 27/28). Solana: base58 of the 64-byte Ed25519 signature. */
  signature: z.string(),
  /**
   * 0x hex of 32 bytes. EVM: the hash that was signed (EIP-191 or EIP-712). Solana: SHA-256 of the
   * signed bytes, for the record only — Ed25519 signs the bytes themselves.
   */
  digest: z.string(),
});
export type SignatureResponse = z.infer<typeof SignatureResponse>;
