import { WaiaasError } from '@waiaas/protocol';
import type { MiddlewareHandler } from 'hono';
import { errorResponse } from './error-handler.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Strips the port: "localhost:3100" → "localhost", "[::1]:3100" → "[::1]". */
const hostname = (host: string) => host.replace(/:[0-9]*$/, '').toLowerCase();

/**
 * Refuses any request whose Host is not this machine. A web page on evil.example whose DNS name
 * is rebound to 127.0.0.1 still sends "Host: evil.example", so this stops DNS-rebinding attacks.
 */
export function hostGuard(): MiddlewareHandler {
  return async function hostGuard(c, next) {
    const host = c.req.header('host') ?? '';
    if (!LOCAL_HOSTS.has(hostname(host))) return errorResponse(c, new WaiaasError('REQUEST__HOST_NOT_ALLOWED', { host }));
    await next();
  };
}
