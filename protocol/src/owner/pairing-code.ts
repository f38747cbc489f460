/**
 * The one-time pairing code `waiaas pair` prints: 24 characters of RFC 4648 base32 (120 bits of
 * randomness), shown in six groups of four. Base32 has no 0/1/8 to mistake for O/I/B, and case,
 * spaces and dashes are ignored when it is typed back.
 */
export const PAIRING_CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const PAIRING_CODE_LENGTH = 24;
/** 15 random bytes are exactly 24 base32 characters. */
export const PAIRING_CODE_BYTES = 15;
const GROUP = 4;

/** The grouped code for 15 random bytes, e.g. "ABCD-EFGH-IJKL-MNOP-QRST-UVWX". */
export function pairingCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== PAIRING_CODE_BYTES) throw new RangeError(`a pairing code takes ${PAIRING_CODE_BYTES} bytes`);
  let bits = 0;
  let value = 0;
  let chars = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      chars += PAIRING_CODE_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return (chars.match(/.{1,4}/g) ?? []).join('-');
}

/** The canonical code (24 upper-case characters) of what a person typed, or undefined if it cannot be one. */
export function normalizePairingCode(typed: string): string | undefined {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== PAIRING_CODE_LENGTH) return undefined;
  for (const char of code) if (!PAIRING_CODE_ALPHABET.includes(char)) return undefined;
  return code;
}

/** Groups a canonical code for display. */
export function formatPairingCode(code: string): string {
  return (code.match(new RegExp(`.{1,${GROUP}}`, 'g')) ?? []).join('-');
}
