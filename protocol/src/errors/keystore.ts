import type { ErrorDefinitions } from './define.js';

/** Keystore and master password. Contexts name files and parameters, never secrets. */
export const keystoreErrors = {
  KEYSTORE__WRONG_PASSWORD: {
    status: 401,
    message: () => 'The master password is wrong (or the keystore master record was altered).',
  },
  KEYSTORE__TAMPERED: {
    status: 500,
    message: (c: { file: string }) =>
      `Keystore file ${c.file} failed its integrity check: it was modified or corrupted. Nothing was changed.`,
  },
  KEYSTORE__MALFORMED: {
    status: 500,
    message: (c: { file: string; reason: string }) => `Keystore file ${c.file} is unreadable: ${c.reason}.`,
  },
  KEYSTORE__WEAK_KDF_PARAMS: {
    status: 500,
    message: (c: { file: string; memoryKiB: number; iterations: number }) =>
      `Keystore file ${c.file} asks for Argon2id m=${c.memoryKiB} KiB, t=${c.iterations}, below the minimum (m ≥ 65536, t ≥ 3); refusing to use it.`,
  },
  KEYSTORE__INSECURE_PERMISSIONS: {
    status: 500,
    message: (c: { file: string; mode: string }) =>
      `Keystore file ${c.file} has mode ${c.mode}; it must not be readable by group or others (chmod 600).`,
  },
  KEYSTORE__KEY_NOT_FOUND: {
    status: 404,
    message: (c: { walletId: string }) => `The keystore holds no key for wallet ${c.walletId}.`,
  },
  KEYSTORE__ALREADY_INITIALIZED: {
    status: 409,
    message: (c: { dir: string }) => `${c.dir} already holds a keystore; refusing to overwrite it.`,
  },
  KEYSTORE__KEY_EXISTS: {
    status: 409,
    message: (c: { walletId: string }) =>
      `The keystore already holds a key for wallet ${c.walletId}; keys are never overwritten.`,
  },
  KEYSTORE__LOCKED: {
    status: 503,
    message: () => 'The keystore is locked.',
  },
  PASSWORD__TOO_WEAK: {
    status: 400,
    message: (c: { minLength: number }) => `The master password must be at least ${c.minLength} characters long.`,
  },
  PASSWORD__MISMATCH: {
    status: 400,
    message: () => 'The two passwords do not match.',
  },
  PASSWORD__UNAVAILABLE: {
    status: 400,
    message: () =>
      'No master password: set WAIAAS_MASTER_PASSWORD or WAIAAS_MASTER_PASSWORD_FILE, or run in a terminal to be asked.',
  },
} satisfies ErrorDefinitions;
