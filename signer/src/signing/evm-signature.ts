import { type Hex, numberToHex, serializeSignature } from 'viem';
import type { EvmSignature } from '../keystore/index.js';

/** 0x hex of the 65-byte r‖s‖v with v 27/28, as personal_sign and eth_signTypedData_v4 answer. */
export function toRsvHex({ r, s, yParity }: EvmSignature): Hex {
  return serializeSignature({ r: numberToHex(r, { size: 32 }), s: numberToHex(s, { size: 32 }), yParity });
}
