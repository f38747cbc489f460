import { randomBytes } from 'node:crypto';
import { type ErrorResponse, WaiaasError } from '@waiaas/protocol';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from '../../log/logger.js';

export const errorResponse = (c: Context, error: WaiaasError) =>
  c.json<ErrorResponse>(error.toResponse(), error.status as ContentfulStatusCode);

/**
 * The one place errors become responses. Coded errors keep their status; anything else is a bug,
 * logged under a reference the caller can quote, and answered without internals.
 */
export function createErrorHandler(log: Logger) {
  return function onError(error: Error, c: Context) {
    if (error instanceof WaiaasError) return errorResponse(c, error);
    const reference = randomBytes(6).toString('hex');
    log.error('unexpected error', { reference, method: c.req.method, path: c.req.path, error: describe(error) });
    return errorResponse(c, new WaiaasError('INTERNAL__UNEXPECTED', { reference }));
  };
}

export function notFound(c: Context) {
  return errorResponse(c, new WaiaasError('REQUEST__NOT_FOUND', { method: c.req.method, path: c.req.path }));
}

const describe = (error: Error) => `${error.name}: ${error.message}`;
