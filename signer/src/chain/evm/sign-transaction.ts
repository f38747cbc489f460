import { WaiaasError } from '@waiaas/protocol';
import { keccak256, numberToHex, serializeTransaction } from 'viem';
import type { SignedTransaction, UnsignedTransaction } from '../chain-adapter.js';
import type { AgentSigner } from '../../keystore/index.js';
import { evmContentDigest } from './content-digest.js';
import { parseEvmPayload, toEvmTransaction } from './evm-payload.js';

/**
 * Signs through the keystore, which only ever sees a 32-byte hash: the unsigned EIP-1559
 * serialisation is hashed here, signed there, and serialised again with the signature.
 *
 * Before anything is signed, the stored payload must still hash to the content digest the Owner
 * approved, be for this adapter's network and chain id, and come from the signer's own address.
 */
export async function signTransaction(
  tx: UnsignedTransaction,
  signer: AgentSigner,
  expected: { network: string; chainId: number },
): Promise<SignedTransaction> {
  if (tx.family !== 'evm' || tx.network !== expected.network) {
    throw invalid(`the transaction was built for ${tx.family}/${tx.network}, not evm/${expected.network}`);
  }
  if (signer.chain !== 'evm') throw invalid('an EVM transaction needs an EVM signer');
  const payload = parseEvmPayload(tx.payload);
  const transaction = toEvmTransaction(payload);
  if (payload.chainId !== expected.chainId) throw invalid(`the payload is for chain ${payload.chainId}, not ${expected.chainId}`);
  if (payload.from.toLowerCase() !== signer.address.toLowerCase()) {
    throw invalid(`the payload is from ${payload.from}, not ${signer.address}`);
  }
  if (evmContentDigest(transaction) !== tx.contentDigest) throw invalid('the payload does not match its content digest');

  const unsigned = serializeTransaction(transaction);
  const { r, s, yParity } = await signer.signHash(keccak256(unsigned, 'bytes'));
  const raw = serializeTransaction(transaction, { r: numberToHex(r, { size: 32 }), s: numberToHex(s, { size: 32 }), yParity });
  return { family: 'evm', network: tx.network, raw, hash: keccak256(raw), validity: { nonce: payload.nonce } };
}

function invalid(reason: string): WaiaasError<'CHAIN__INVALID_CALL'> {
  return new WaiaasError('CHAIN__INVALID_CALL', { reason });
}
