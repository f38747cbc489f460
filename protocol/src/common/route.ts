import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * A route of an API, declared once in the protocol: the signer mounts it and parses with these
 * schemas at its edge, the typed client calls it, and the OpenAPI document is generated from it.
 */
export interface RouteContract {
  readonly method: HttpMethod;
  /** Hono-style path, e.g. `/v1/sessions/:id/renew`. */
  readonly path: string;
  /** `none` is reserved for GET /health; `password` is the admin login; every other route authenticates. */
  readonly auth: 'none' | 'session' | 'admin' | 'password';
  readonly summary: string;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response: z.ZodType;
  /** Error codes this route may answer with, documented in OpenAPI. */
  readonly errors: readonly string[];
}

export function defineRoute<const R extends RouteContract>(route: R): R {
  return route;
}
