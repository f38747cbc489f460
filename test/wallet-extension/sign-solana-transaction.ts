import type { SolanaKey } from './solana-key.js';
import { INVALID_PARAMS, TestWalletError, UNAUTHORIZED } from './test-wallet-control.js';

/** Solana's compact-u16 ("shortvec") length prefix: returns the value and the bytes it took. */
function readShortVec(bytes: Uint8Array, at: number): [number, number] {
  let value = 0;
  for (let i = 0; i < 3; i++) {
    const byte = bytes[at + i];
    if (byte === undefined) throw new TestWalletError(INVALID_PARAMS, 'transaction is truncated.');
    value |= (byte & 0x7f) << (7 * i);
    if ((byte & 0x80) === 0) return [value, i + 1];
  }
  throw new TestWalletError(INVALID_PARAMS, 'transaction has a malformed length prefix.');
}

/**
 * Signs a wire-format transaction (legacy or v0) the way a wallet does: finds this key among the
 * message's required signers and writes its Ed25519 signature of the message bytes into that slot.
 * Real wallets offer this feature, and wallet-adapter's StandardWalletAdapter only wraps wallets that do.
 */
export function signSolanaTransaction(key: SolanaKey, transaction: Uint8Array): Uint8Array {
  const [signatureCount, prefix] = readShortVec(transaction, 0);
  const messageStart = prefix + 64 * signatureCount;
  const message = transaction.subarray(messageStart);
  // v0 messages start with 0x80 | version; legacy ones with the header directly.
  const headerAt = (message[0] ?? 0) & 0x80 ? 1 : 0;
  const requiredSignatures = message[headerAt];
  if (requiredSignatures === undefined || requiredSignatures !== signatureCount) throw new TestWalletError(INVALID_PARAMS, 'transaction signature count does not match its message.');
  const [keyCount, keyPrefix] = readShortVec(message, headerAt + 3);
  const keysAt = headerAt + 3 + keyPrefix;
  for (let i = 0; i < Math.min(requiredSignatures, keyCount); i++) {
    const candidate = message.subarray(keysAt + 32 * i, keysAt + 32 * (i + 1));
    if (candidate.every((b, j) => b === key.publicKey[j])) {
      const signed = transaction.slice();
      signed.set(key.sign(message), prefix + 64 * i);
      return signed;
    }
  }
  throw new TestWalletError(UNAUTHORIZED, 'This transaction does not need a signature from this wallet.');
}
