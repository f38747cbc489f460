import { randomBytes } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519';
import {
  address,
  appendTransactionMessageInstructions,
  compileTransaction,
  createNoopSigner,
  createTransactionMessage,
  getBase58Decoder,
  getTransactionEncoder,
  pipe,
  setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash,
  type Blockhash,
} from '@solana/kit';
import { getTransferSolInstruction } from '@solana-program/system';
import { describe, expect, it } from 'vitest';
import { signSolanaTransaction } from './sign-solana-transaction.js';
import { createSolanaKey } from './solana-key.js';

const BLOCKHASH = '4uQeVj5tqViQh7yWWGStvkEG1Zmhx6uasJtWCJziofM' as Blockhash;

function unsignedTransfer(payer: string, version: 0 | 'legacy') {
  const signer = createNoopSigner(address(payer));
  const message = pipe(
    createTransactionMessage({ version }),
    (m) => setTransactionMessageFeePayerSigner(signer, m),
    (m) => setTransactionMessageLifetimeUsingBlockhash({ blockhash: BLOCKHASH, lastValidBlockHeight: 0n }, m),
    (m) => appendTransactionMessageInstructions([getTransferSolInstruction({ source: signer, destination: address('GsbwXfJraMomNxBcjYLcG3mxkBUiyWXAB32fGbSMQRdW'), amount: 5n })], m),
  );
  const compiled = compileTransaction(message);
  return { wire: new Uint8Array(getTransactionEncoder().encode(compiled)), messageBytes: new Uint8Array(compiled.messageBytes) };
}

describe("the test wallet's solana:signTransaction", () => {
  const seed = randomBytes(32);
  const key = createSolanaKey(seed, getBase58Decoder().decode(ed25519.getPublicKey(seed)));

  it.each([0, 'legacy'] as const)('signs a %s transaction in its fee payer slot, over the exact message bytes', (version) => {
    const { wire, messageBytes } = unsignedTransfer(key.address, version);
    const signed = signSolanaTransaction(key, wire);
    // One signature slot (after a one-byte count), then the message unchanged.
    expect(signed.subarray(65)).toEqual(messageBytes);
    expect(ed25519.verify(signed.subarray(1, 65), messageBytes, key.publicKey)).toBe(true);
  });

  it("refuses a transaction this key does not have to sign, like a wallet would", () => {
    const other = getBase58Decoder().decode(ed25519.getPublicKey(randomBytes(32)));
    expect(() => signSolanaTransaction(key, unsignedTransfer(other, 0).wire)).toThrow('does not need a signature from this wallet');
  });
});
