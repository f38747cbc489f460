import { z } from 'zod';
import { ERRORS, isErrorCode } from '../errors/codes.js';
import { ErrorResponse } from '../errors/waiaas-error.js';
import type { RouteContract } from './route.js';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;

/** `/v1/sessions/:id/renew` → `/v1/sessions/{id}/renew` */
const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

function errorResponses(codes: readonly string[]) {
  const byStatus = new Map<number, string[]>();
  for (const code of codes) {
    if (!isErrorCode(code)) throw new Error(`Route documents an unknown error code: ${code}`);
    const status = ERRORS[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  // Every route can be refused at the edge (bad Host, oversized body) or fail unexpectedly.
  for (const code of ['REQUEST__HOST_NOT_ALLOWED', 'REQUEST__VALIDATION_FAILED', 'INTERNAL__UNEXPECTED'] as const) {
    const status = ERRORS[code].status;
    if (!byStatus.get(status)?.includes(code)) byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const errorSchema = toSchema(ErrorResponse, 'output');
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      String(status),
      { description: list.join(', '), content: { 'application/json': { schema: errorSchema } } },
    ]),
  );
}

/** Builds an OpenAPI 3.1 document from route contracts, so the document can never drift from the code. */
export function buildOpenApiDocument(info: { title: string; version: string; description: string }, routes: readonly RouteContract[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = toOpenApiPath(route.path);
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      summary: route.summary,
      security: route.auth === 'none' ? [] : [{ bearer: [] }],
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      ...(route.body && {
        requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } },
      }),
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: toSchema(route.response, 'output') } } },
        ...errorResponses(route.errors),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: 'http://127.0.0.1:3100' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
