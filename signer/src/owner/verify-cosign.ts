import { type CosignFields, cosignText, cosignTypedData, WaiaasError } from '@waiaas/protocol';
import sodium from 'sodium-native';
import { getAddress, isHex, recoverTypedDataAddress } from 'viem';
import { getBase58Encoder } from '@solana/kit';
import { solanaPublicKey } from './owner-address.js';
import type { Owner } from './owner-store.js';

/**
 * Checks that `signature` is the Owner signing exactly these fields, rendered the way the Owner's
 * wallet showed them. The fields come from the signer's own records, never from the answer, so a
 * signature over anything else — another transaction, another nonce, another signer — fails here.
 */
export async function verifyCosign(owner: Pick<Owner, 'chain' | 'address'>, fields: CosignFields, signature: string): Promise<void> {
  const ok = owner.chain === 'solana' ? verifySolana(owner.address, fields, signature) : await verifyEvm(owner.address, fields, signature);
  if (!ok) throw new WaiaasError('COSIGN__INVALID_SIGNATURE', { action: fields.action, owner: owner.address });
}

function verifySolana(address: string, fields: CosignFields, signature: string): boolean {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(getBase58Encoder().encode(signature));
  } catch {
    return false;
  }
  if (bytes.length !== sodium.crypto_sign_BYTES) return false;
  return sodium.crypto_sign_verify_detached(Buffer.from(bytes), Buffer.from(cosignText(fields), 'utf8'), Buffer.from(solanaPublicKey(address)));
}

async function verifyEvm(address: string, fields: CosignFields, signature: string): Promise<boolean> {
  if (!isHex(signature) || signature.length !== 132) return false;
  try {
    const recovered = await recoverTypedDataAddress({ ...cosignTypedData(fields), signature });
    return getAddress(recovered) === getAddress(address);
  } catch {
    // A malformed signature (bad v, s out of range) proves nothing.
    return false;
  }
}
