import { WaiaasError } from '@waiaas/protocol';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import { errorResponse } from './error-handler.js';

/** Caps request bodies (Content-Length or streamed) with our coded error. */
export function bodyLimit(limitBytes: number): MiddlewareHandler {
  return honoBodyLimit({
    maxSize: limitBytes,
    onError: (c) => errorResponse(c, new WaiaasError('REQUEST__BODY_TOO_LARGE', { limitBytes })),
  });
}
