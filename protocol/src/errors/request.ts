import type { ErrorDefinitions } from './define.js';

export interface ValidationIssue {
  path: string;
  message: string;
}

/** Errors about the shape of a request, before any domain logic runs. */
export const requestErrors = {
  REQUEST__MALFORMED_JSON: {
    status: 400,
    message: () => 'The request body is not valid JSON.',
  },
  REQUEST__UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: (c: { contentType: string }) => `Content-Type "${c.contentType}" is not accepted; send application/json.`,
  },
  REQUEST__VALIDATION_FAILED: {
    status: 400,
    message: (c: { issues: ValidationIssue[] }) =>
      `The request is invalid: ${c.issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}.`,
  },
  REQUEST__BODY_TOO_LARGE: {
    status: 413,
    message: (c: { limitBytes: number }) => `The request body exceeds ${c.limitBytes} bytes.`,
  },
  REQUEST__HOST_NOT_ALLOWED: {
    status: 403,
    message: (c: { host: string }) =>
      `Host "${c.host}" is not allowed; the signer answers only to localhost and 127.0.0.1.`,
  },
  REQUEST__ORIGIN_NOT_ALLOWED: {
    status: 403,
    message: (c: { origin: string }) => `Requests from web origin "${c.origin}" are not accepted by the agent API.`,
  },
  REQUEST__NOT_FOUND: {
    status: 404,
    message: (c: { method: string; path: string }) => `No route for ${c.method} ${c.path}.`,
  },
  INTERNAL__UNEXPECTED: {
    status: 500,
    message: (c: { reference: string }) => `The signer hit an unexpected error (reference ${c.reference}); see its log.`,
  },
} satisfies ErrorDefinitions;
