import {
  appendTransactionMessageInstruction,
  type Blockhash,
  compileTransaction,
  createTransactionMessage,
  pipe,
  setTransactionMessageFeePayer,
  setTransactionMessageLifetimeUsingBlockhash,
  address,
} from '@solana/kit';
import { isWaiaasError } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { assertIsNotTransactionShaped, OFFCHAIN_MESSAGE_PREFIX } from './solana-message-guard.js';

const FEE_PAYER = address('GsbwXfJraMomNxBcjYLcG3mxkBUiyWXAB32fGbSMQRdW');
const utf8 = (text: string) => new TextEncoder().encode(text);

function transactionMessage(version: 'legacy' | 0): Uint8Array {
  const message = pipe(
    createTransactionMessage({ version }),
    (m) => setTransactionMessageFeePayer(FEE_PAYER, m),
    (m) => setTransactionMessageLifetimeUsingBlockhash({ blockhash: 'EETubP5AKHgjPAhzPAFcb8BAY1hMH639CWCFTqi3hq1k' as Blockhash, lastValidBlockHeight: 100n }, m),
    (m) => appendTransactionMessageInstruction({ programAddress: address('11111111111111111111111111111111'), data: new Uint8Array([2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]) }, m),
  );
  return new Uint8Array(compileTransaction(message).messageBytes);
}

const refusal = (bytes: Uint8Array) => {
  try {
    assertIsNotTransactionShaped(bytes);
  } catch (error) {
    if (isWaiaasError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  return null;
};

describe('assertIsNotTransactionShaped', () => {
  it.each(['legacy', 0] as const)('refuses a real %s transaction message', (version) => {
    const bytes = transactionMessage(version);
    expect(refusal(bytes)?.code).toBe('SIGNING__MESSAGE_LOOKS_LIKE_TRANSACTION');
  });

  it('says why, and what may be signed instead', () => {
    expect(refusal(transactionMessage(0))?.message).toBe(
      'Refused: these bytes could be read as a Solana transaction (the first byte 0x80 could be a transaction header; text must start with a printable ASCII character). Sign UTF-8 text, or an off-chain message that starts with "\\xffsolana offchain".',
    );
  });

  it('signs text, including non-ASCII text and line breaks after the first character', () => {
    expect(refusal(utf8('Sign in to example.com\nNonce: 42'))).toBeNull();
    expect(refusal(utf8('Hi — ünïcödé ✓ 署名'))).toBeNull();
  });

  it('refuses text with control characters, and text starting with whitespace control or non-ASCII', () => {
    expect(refusal(utf8('ok\u0000then'))?.message).toContain('control character U+0000');
    expect(refusal(utf8('ok\u0085'))?.message).toContain('control character U+0085');
    expect(refusal(utf8('\nlogin'))?.message).toContain('first byte 0x0a');
    expect(refusal(utf8('署名'))?.message).toContain('first byte 0xe7');
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(refusal(Uint8Array.from([0x41, 0xff, 0xfe]))?.message).toContain('not valid UTF-8');
  });

  it('signs an off-chain message, whose 0xff first byte no transaction can have', () => {
    expect(refusal(Uint8Array.from([...OFFCHAIN_MESSAGE_PREFIX, 0, 0x01, 0x02, 0xfe]))).toBeNull();
    expect(refusal(Uint8Array.from([...OFFCHAIN_MESSAGE_PREFIX.slice(0, 8), 0x00]))?.code).toBe('SIGNING__MESSAGE_LOOKS_LIKE_TRANSACTION');
  });
});
