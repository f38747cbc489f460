import type { ErrorDefinitions } from './define.js';

/**
 * Errors of pairing an Owner's browser with the signer: the one-time code and the device key
 * exchange on POST /v1/owner/pair.
 */
export const pairingErrors = {
  PAIRING__NO_ACTIVE_CODE: {
    status: 404,
    message: () => 'No pairing code is active; run "waiaas pair" on the signer machine to get one.',
  },
  PAIRING__CODE_EXPIRED: {
    status: 410,
    message: (c: { expiredAt: string }) => `The pairing code expired at ${c.expiredAt}; run "waiaas pair" for a new one.`,
  },
  PAIRING__CODE_USED: {
    status: 410,
    message: () => 'The pairing code was already used or given up after too many wrong attempts; run "waiaas pair" for a new one.',
  },
  PAIRING__CODE_MISMATCH: {
    status: 401,
    message: (c: { attemptsLeft: number }) =>
      `The pairing proof does not match the active code (wrong code?); ${c.attemptsLeft} attempt(s) left before it is burned.`,
  },
  PAIRING__TOO_MANY_ATTEMPTS: {
    status: 429,
    message: (c: { attempts: number }) =>
      `${c.attempts} wrong attempts: the pairing code is burned. Run "waiaas pair" for a new one.`,
  },
  PAIRING__ORIGIN_NOT_ALLOWED: {
    status: 403,
    message: (c: { origin: string }) =>
      `Origin "${c.origin}" cannot pair: only a browser extension (chrome-extension:// or moz-extension://) can.`,
  },
  PAIRING__KEY_INVALID: {
    status: 400,
    message: (c: { algorithm: string; reason: string }) => `The device's ${c.algorithm} public key is not usable: ${c.reason}.`,
  },
  PAIRING__KEY_ALREADY_PAIRED: {
    status: 409,
    message: () => 'This device key is already paired; a device generates a new key pair to pair again.',
  },
} satisfies ErrorDefinitions;

/** Errors of the Owner channel's WebSocket: device authentication, frames and commands. */
export const ownerErrors = {
  OWNER__DEVICE_NOT_FOUND: {
    status: 404,
    message: (c: { deviceId: string }) => `No paired Owner device ${c.deviceId}.`,
  },
  OWNER__DEVICE_REVOKED: {
    status: 403,
    message: (c: { deviceId: string }) => `Owner device ${c.deviceId} was revoked; pair the browser again.`,
  },
  OWNER__BAD_SIGNATURE: {
    status: 401,
    message: (c: { deviceId: string }) => `The challenge signature of device ${c.deviceId} does not verify with its paired key.`,
  },
  OWNER__ORIGIN_MISMATCH: {
    status: 403,
    message: (c: { origin: string }) => `Origin "${c.origin}" is not the origin this device was paired from.`,
  },
  OWNER__CHALLENGE_REPLAYED: {
    status: 401,
    message: () => 'The answer is not to the challenge this connection was given (replayed or reused); answer the current one.',
  },
  OWNER__AUTH_TIMEOUT: {
    status: 408,
    message: (c: { timeoutMs: number }) => `The device did not authenticate within ${c.timeoutMs} ms.`,
  },
  OWNER__NOT_AUTHENTICATED: {
    status: 401,
    message: (c: { type: string }) => `A "${c.type}" frame needs an authenticated device; answer the challenge first.`,
  },
  OWNER__MALFORMED_FRAME: {
    status: 400,
    message: (c: { reason: string }) => `The frame is malformed: ${c.reason}.`,
  },
  OWNER__FRAME_TOO_LARGE: {
    status: 413,
    message: (c: { bytes: number; limitBytes: number }) => `A frame of ${c.bytes} bytes exceeds the limit of ${c.limitBytes} bytes.`,
  },
  OWNER__UNKNOWN_COMMAND: {
    status: 400,
    message: (c: { type: string }) => `The signer knows no Owner command "${c.type}".`,
  },
  OWNER__TRANSACTION_NOT_FOUND: {
    status: 404,
    message: (c: { transactionId: string }) => `No transaction ${c.transactionId}.`,
  },
} satisfies ErrorDefinitions;
