import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import sodium from 'sodium-native';
import { z } from 'zod';
import { GuardedBytes } from './guarded-bytes.js';

/** Every secret the keystore stores (key seeds, the check value, the session-token key) is 32 bytes. */
export const SECRET_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A base64 string that decodes to exactly `length` bytes. */
export const base64Bytes = (length: number) =>
  z.base64().refine((text) => Buffer.from(text, 'base64').length === length, `must encode ${length} bytes`);

/** AES-256-GCM ciphertext of one 32-byte secret, as stored in JSON. */
export const Envelope = z.strictObject({
  algorithm: z.literal('aes-256-gcm'),
  iv: base64Bytes(IV_BYTES),
  ciphertext: base64Bytes(SECRET_BYTES),
  tag: base64Bytes(TAG_BYTES),
});
export type Envelope = z.infer<typeof Envelope>;

/*
 * libsodium has no AES-GCM, so node:crypto does the cipher work. That exposure is unavoidable and
 * brief: OpenSSL copies the key into its cipher context for the length of one call, and decrypted
 * plaintext arrives in an ordinary Buffer, which is copied into guarded memory and zeroed at once.
 */

/** Encrypts `plaintext` under `key`, binding `aad`; a fresh random IV every time. */
export function sealEnvelope(key: GuardedBytes, plaintext: Buffer, aad: string): Envelope {
  const iv = randomBytes(IV_BYTES);
  const cipher = key.read((keyBytes) => createCipheriv('aes-256-gcm', keyBytes, iv, { authTagLength: TAG_BYTES }));
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return {
    algorithm: 'aes-256-gcm',
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/**
 * Decrypts into guarded memory, or returns undefined when authentication fails (wrong key, or any
 * byte of iv, ciphertext, tag or `aad` changed). The caller decides what that failure means.
 */
export function openEnvelope(key: GuardedBytes, envelope: Envelope, aad: string): GuardedBytes | undefined {
  const decipher = key.read((keyBytes) =>
    createDecipheriv('aes-256-gcm', keyBytes, Buffer.from(envelope.iv, 'base64'), { authTagLength: TAG_BYTES }),
  );
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
  // GCM hands out plaintext before it has checked the tag: zero it if the check then fails.
  const plaintext = decipher.update(Buffer.from(envelope.ciphertext, 'base64'));
  try {
    decipher.final();
  } catch {
    sodium.sodium_memzero(plaintext);
    return undefined;
  }
  return GuardedBytes.takeFrom(plaintext);
}
