import { describe, expect, it } from 'vitest';
import { agentRoutes } from '../agent/routes.js';
import { buildOpenApiDocument } from './openapi.js';

describe('buildOpenApiDocument', () => {
  const doc = buildOpenApiDocument({ title: 't', version: '1', description: 'd' }, Object.values(agentRoutes));

  it('describes every agent route with its parameters, auth and error codes', () => {
    const renew = doc.paths['/v1/sessions/{id}/renew']?.put as {
      parameters: { name: string; in: string; required: boolean }[];
      security: unknown[];
      responses: Record<string, { description: string }>;
    };
    expect(renew.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    expect(renew.security).toEqual([{ bearer: [] }]);
    expect(renew.responses['409']?.description).toBe('SESSION__RENEWAL_TOO_EARLY, SESSION__RENEWAL_CONFLICT');
    expect(Object.keys(doc.paths)).toHaveLength(Object.keys(agentRoutes).length);
  });

  it('uses the response schemas from the protocol', () => {
    const health = doc.paths['/health']?.get as { responses: { '200': { content: { 'application/json': { schema: { required: string[] } } } } } };
    expect(health.responses['200'].content['application/json'].schema.required).toEqual(['status', 'version', 'agentApiVersion']);
  });

  it('refuses a route that documents an unknown error code', () => {
    expect(() =>
      buildOpenApiDocument({ title: 't', version: '1', description: 'd' }, [{ ...agentRoutes.health, errors: ['NOPE__NOPE'] }]),
    ).toThrow('Route documents an unknown error code: NOPE__NOPE');
  });
});
