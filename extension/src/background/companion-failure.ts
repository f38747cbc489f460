import type { CompanionError } from '../port/messages.js';

/*
 * The companion's own error codes, namespaced like the signer's and never renamed. Errors the
 * signer answers with ({ code, message } bodies and error frames) pass through unchanged; these
 * cover what only the extension can tell.
 */
const MESSAGES = {
  COMPANION__SIGNER_URL_INVALID: (c: { url: string }) =>
    `"${c.url}" is not a local signer address: use http://127.0.0.1:<port> or http://localhost:<port>.`,
  COMPANION__PAIRING_CODE_INVALID: () => 'The pairing code is 24 letters and digits (2–7), as `waiaas pair` prints it.',
  COMPANION__SIGNER_UNREACHABLE: (c: { url: string; reason: string }) => `Could not reach the signer at ${c.url}: ${c.reason}`,
  COMPANION__BAD_RESPONSE: (c: { what: string }) => `The signer's answer to ${c.what} is not what this extension understands.`,
  COMPANION__PAIRING_MAC_MISMATCH: () =>
    'The signer did not prove it holds the pairing code: this is not the signer that printed it. Nothing was paired.',
  COMPANION__IDENTITY_MISMATCH: () =>
    "The signer did not prove its identity with the key pinned at pairing. The extension refused to connect: pair again if you replaced the signer's home.",
  COMPANION__NOT_PAIRED: () => 'The extension is not paired with a signer: pair it in the options page.',
  COMPANION__NOT_CONNECTED: () => 'The extension is not connected to the signer right now; try again once it is.',
  COMPANION__CONNECTION_LOST: () => 'The connection to the signer closed before it answered.',
  COMPANION__CONNECTION_CLOSED: (c: { code: number; reason: string }) =>
    `The connection to the signer closed (${c.code}${c.reason ? ` ${c.reason}` : ''}); reconnecting.`,
  COMPANION__COMMAND_TIMEOUT: (c: { type: string; seconds: number }) => `The signer did not answer ${c.type} within ${c.seconds} s.`,
  COMPANION__APPROVAL_NOT_PENDING: (c: { approvalId: string }) => `Approval ${c.approvalId} is no longer waiting for an answer.`,
  COMPANION__COSIGN_CANCELLED: () => 'The co-sign window was closed before the Owner signed. Nothing was sent.',
  COMPANION__COSIGN_DECLINED: (c: { reason: string }) => `The Owner's wallet did not sign${c.reason ? ` (${c.reason.replace(/[.\s]+$/, '')})` : ''}. Nothing was sent.`,
  COMPANION__COSIGN_EXPIRED: () => 'The request expired before the Owner signed it. Nothing was sent.',
  COMPANION__COSIGN_UNEXPECTED: (c: { kind: string }) => `The co-sign window answered "${c.kind}" where it should have signed.`,
  COMPANION__OWNER_REPLACE_UNSUPPORTED: () =>
    'An Owner is already registered and LOCKED: replacing it needs its own signature too, which the companion does not do. Use `waiaas owner set` on the command line.',
  COMPANION__INVALID_REQUEST: (c: { issue: string }) => `The request is malformed: ${c.issue}`,
  COMPANION__UNEXPECTED: (c: { reason: string }) => `Something went wrong in the extension: ${c.reason}`,
} as const;

export type CompanionErrorCode = keyof typeof MESSAGES;
type ContextOf<C extends CompanionErrorCode> = Parameters<(typeof MESSAGES)[C]>[0];

/**
 * The one error the background throws. `code` is either one of the companion's codes or a code the
 * signer answered with, kept as it came.
 */
export class CompanionFailure extends Error {
  override readonly name = 'CompanionFailure';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  toCompanionError(): CompanionError {
    return { code: this.code, message: this.message };
  }
}

export function companionFailure<C extends CompanionErrorCode>(
  code: C,
  ...context: ContextOf<C> extends undefined ? [] : [ContextOf<C>]
): CompanionFailure {
  const template = MESSAGES[code] as (c: ContextOf<C> | undefined) => string;
  return new CompanionFailure(code, template(context[0]));
}

/** Narrows a thrown value to a CompanionFailure, of one code when given. */
export function isCompanionFailure(error: unknown, code?: string): error is CompanionFailure {
  return error instanceof CompanionFailure && (code === undefined || error.code === code);
}

/** Any thrown value as the `{ code, message }` the pages show; never leaks a stack. */
export function toCompanionError(error: unknown): CompanionError {
  if (error instanceof CompanionFailure) return error.toCompanionError();
  const reason = error instanceof Error ? error.message : String(error);
  return companionFailure('COMPANION__UNEXPECTED', { reason }).toCompanionError();
}
