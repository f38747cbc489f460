import sodium from 'sodium-native';
import { WaiaasError } from '@waiaas/protocol';
import { z } from 'zod';
import { Envelope, SECRET_BYTES, openEnvelope, sealEnvelope } from './envelope.js';
import { GuardedBytes } from './guarded-bytes.js';

export const SECRETS_DIR = 'secrets';

/** The HMAC key that signs agent session JWTs. */
export const SESSION_TOKEN_KEY = 'session-token-key';

/** secrets/<name>.json: a random 32-byte secret of the daemon's own, encrypted under the master key. */
export const SecretRecord = z.strictObject({
  version: z.literal(1),
  cipher: Envelope,
});
export type SecretRecord = z.infer<typeof SecretRecord>;

export function secretFile(name: string): string {
  return `${SECRETS_DIR}/${name}.json`;
}

/** The name is taken from the file name and bound here, so secrets cannot be swapped between files. */
function secretAad(name: string): string {
  return `waiaas/keystore/secret/v1\n${name}`;
}

export function generateSecret(): GuardedBytes {
  return GuardedBytes.create(SECRET_BYTES, (bytes) => sodium.randombytes_buf(bytes));
}

export function sealSecretRecord(masterKey: GuardedBytes, name: string, secret: GuardedBytes): SecretRecord {
  return { version: 1, cipher: secret.read((bytes) => sealEnvelope(masterKey, bytes, secretAad(name))) };
}

export function openSecretRecord(masterKey: GuardedBytes, name: string, record: SecretRecord): GuardedBytes {
  const secret = openEnvelope(masterKey, record.cipher, secretAad(name));
  if (secret === undefined) throw new WaiaasError('KEYSTORE__TAMPERED', { file: secretFile(name) });
  return secret;
}
