import { secp256k1 } from '@noble/curves/secp256k1';
import sodium from 'sodium-native';
import { getAddress, keccak256 } from 'viem';
import type { EvmSignature, EvmSigner } from './agent-signer.js';
import { GuardedBytes } from './guarded-bytes.js';

/*
 * @noble/curves converts the private key into a bigint on the JS heap for every public-key
 * derivation and signature. Guarded memory cannot prevent that copy, and the garbage collector frees
 * it without zeroing; it is the price of a pure-JS secp256k1.
 */

const PRIVATE_KEY_BYTES = 32;

/** 32 random bytes from libsodium into guarded memory, redrawn if not a valid scalar (0 < k < n). */
export function generateEvmPrivateKey(): GuardedBytes {
  return GuardedBytes.create(PRIVATE_KEY_BYTES, (privateKey) => {
    do sodium.randombytes_buf(privateKey);
    while (!secp256k1.utils.isValidPrivateKey(privateKey));
  });
}

/** Copies a stored private key into guarded memory, or undefined if it is not a valid scalar. */
export function evmPrivateKeyFromBytes(bytes: Buffer): GuardedBytes | undefined {
  if (bytes.length !== PRIVATE_KEY_BYTES || !secp256k1.utils.isValidPrivateKey(bytes)) return undefined;
  return GuardedBytes.create(PRIVATE_KEY_BYTES, (privateKey) => bytes.copy(privateKey));
}

export function createEvmSigner(walletId: string, privateKey: GuardedBytes): EvmSigner {
  const address = privateKey.read(evmAddressOf);
  return Object.freeze({
    walletId,
    chain: 'evm' as const,
    address,
    async signHash(hash: Uint8Array): Promise<EvmSignature> {
      if (hash.length !== 32) throw new RangeError(`signHash takes a 32-byte hash, not ${hash.length} bytes.`);
      // RFC 6979 deterministic nonce; low-s as Ethereum requires (EIP-2).
      const signature = privateKey.read((bytes) => secp256k1.sign(hash, bytes, { lowS: true }));
      const { r, s, recovery } = signature;
      // recovery 2 or 3 means r overflowed the curve order (odds ~2^-128): Ethereum cannot express it.
      if (recovery !== 0 && recovery !== 1) throw new RangeError('secp256k1 produced an unrecoverable signature.');
      return { r, s, yParity: recovery };
    },
  });
}

/** Last 20 bytes of keccak256 of the uncompressed public point without its 0x04 prefix, EIP-55 cased. */
function evmAddressOf(privateKey: Buffer): `0x${string}` {
  const point = secp256k1.getPublicKey(privateKey, false);
  return getAddress(`0x${keccak256(point.subarray(1)).slice(-40)}`);
}
