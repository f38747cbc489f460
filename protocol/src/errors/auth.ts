import type { ErrorDefinitions } from './define.js';

/** Agent session and admin (master) authentication. */
export const authErrors = {
  AUTH__MISSING_TOKEN: {
    status: 401,
    message: () => 'This route needs "Authorization: Bearer <token>".',
  },
  AUTH__INVALID_TOKEN: {
    status: 401,
    message: () => 'The bearer token is not a valid token issued by this signer.',
  },
  SESSION__EXPIRED: {
    status: 401,
    message: (c: { sessionId: string; expiredAt: string }) => `Session ${c.sessionId} expired at ${c.expiredAt}.`,
  },
  SESSION__REVOKED: {
    status: 401,
    message: (c: { sessionId: string; revokedAt: string }) => `Session ${c.sessionId} was revoked at ${c.revokedAt}.`,
  },
  SESSION__TOKEN_SUPERSEDED: {
    status: 401,
    message: (c: { sessionId: string }) =>
      `This token of session ${c.sessionId} was replaced by a renewal; use the renewed token.`,
  },
  SESSION__NOT_FOUND: {
    status: 404,
    message: (c: { sessionId: string }) => `No session ${c.sessionId}.`,
  },
  SESSION__FORBIDDEN: {
    status: 403,
    message: (c: { sessionId: string }) => `The token does not belong to session ${c.sessionId}.`,
  },
  SESSION__INVALID_TTL: {
    status: 400,
    message: (c: { input: string; reason: string }) => `Session TTL "${c.input}" is invalid: ${c.reason}.`,
  },
  SESSION__RENEWAL_TOO_EARLY: {
    status: 409,
    message: (c: { sessionId: string; renewableAt: string }) =>
      `Session ${c.sessionId} can be renewed from ${c.renewableAt} (half of its TTL), not before.`,
  },
  SESSION__RENEWAL_LIMIT_REACHED: {
    status: 403,
    message: (c: { sessionId: string; maxRenewals: number }) =>
      `Session ${c.sessionId} was already renewed ${c.maxRenewals} times; ask the Owner for a new session.`,
  },
  SESSION__LIFETIME_EXHAUSTED: {
    status: 403,
    message: (c: { sessionId: string; absoluteExpiresAt: string }) =>
      `Session ${c.sessionId} cannot live past ${c.absoluteExpiresAt}; ask the Owner for a new session.`,
  },
  SESSION__RENEWAL_CONFLICT: {
    status: 409,
    message: (c: { sessionId: string }) =>
      `Session ${c.sessionId} was renewed or revoked concurrently; this token is no longer current.`,
  },
  ADMIN__AUTH_REQUIRED: {
    status: 401,
    message: () => 'This admin route needs a token from POST /v1/admin/auth.',
  },
  ADMIN__INVALID_TOKEN: {
    status: 401,
    message: () => 'The admin token is invalid or expired; authenticate again with the master password.',
  },
  ADMIN__TOO_MANY_ATTEMPTS: {
    status: 429,
    message: (c: { retryAfterSeconds: number }) =>
      `Too many wrong master passwords; try again in ${c.retryAfterSeconds} s.`,
  },
} satisfies ErrorDefinitions;
