import { WaiaasError } from '@waiaas/protocol';

/** The signing domain of Solana off-chain messages (sRFC / `solana sign-offchain-message`). */
export const OFFCHAIN_MESSAGE_PREFIX = Uint8Array.from([0xff, ...new TextEncoder().encode('solana offchain')]);

/**
 * An Ed25519 signature over a Solana transaction message IS that transaction's signature, so an
 * agent must never get one by calling it a "message". Two kinds of bytes are signed:
 *
 * - Off-chain messages, which start with "\xffsolana offchain". A transaction message starts with
 *   its signature count (legacy, < 0x80) or 0x80 | version (versioned); 0xff would be version 127,
 *   which the runtime refuses — the off-chain format takes this prefix for exactly that reason.
 * - Text: valid UTF-8 whose first byte is printable ASCII and with no control characters but tab,
 *   line feed and carriage return. A first byte 0x20–0x7e, read as a legacy header, asks for at
 *   least 32 signatures — 2048 bytes, beyond the 1232-byte packet limit, so the runtime can never
 *   accept it; a first byte ≥ 0x80 could name a message version and is refused. This is the text
 *   rule wallets such as Phantom apply to signMessage, made strict.
 *
 * Anything else (raw binary) is refused, even when harmless: the signer cannot prove it harmless.
 */
export function assertIsNotTransactionShaped(bytes: Uint8Array): void {
  if (startsWith(bytes, OFFCHAIN_MESSAGE_PREFIX)) return;
  const first = bytes[0] ?? 0;
  if (first < 0x20 || first > 0x7e) {
    throw refuse(`the first byte 0x${first.toString(16).padStart(2, '0')} could be a transaction header; text must start with a printable ASCII character`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse('the bytes are not valid UTF-8 text');
  }
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u.exec(text);
  if (control) throw refuse(`the text holds control character U+${control[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`);
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

const refuse = (reason: string) => new WaiaasError('SIGNING__MESSAGE_LOOKS_LIKE_TRANSACTION', { reason });
