import { type RouteContract, type ValidationIssue, WaiaasError } from '@waiaas/protocol';
import type { Context, Env, Hono } from 'hono';
import type { z } from 'zod';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<R extends RouteContract> {
  params: Parsed<R['params']>;
  query: Parsed<R['query']>;
  body: Parsed<R['body']>;
}

export type RouteHandler<R extends RouteContract, E extends Env> = (
  input: RouteInput<R>,
  c: Context<E>,
) => z.input<R['response']> | Promise<z.input<R['response']>>;

/**
 * Mounts a protocol route: parses path, query and body with the route's zod schemas at the edge,
 * so a handler only ever sees valid input, and shapes the output with the response schema, so a
 * handler can never leak a field the protocol does not declare.
 */
export function mountRoute<R extends RouteContract, E extends Env>(app: Hono<E>, route: R, handler: RouteHandler<R, E>) {
  app.on(route.method, route.path, async (c) => {
    const input = {
      params: parse(route.params, c.req.param()),
      query: parse(route.query, c.req.query()),
      body: route.body ? parse(route.body, await readJson(c)) : undefined,
    } as RouteInput<R>;
    const output = await handler(input, c);
    return c.json(route.response.parse(output) as object);
  });
}

function parse(schema: z.ZodType | undefined, value: unknown): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues: ValidationIssue[] = result.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    throw new WaiaasError('REQUEST__VALIDATION_FAILED', { issues });
  }
  return result.data;
}

async function readJson(c: Context): Promise<unknown> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    throw new WaiaasError('REQUEST__UNSUPPORTED_MEDIA_TYPE', { contentType });
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new WaiaasError('REQUEST__MALFORMED_JSON');
  }
}
