import { createSecretKey, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentRoutes } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { createAuditLog } from '../../audit/audit-log.js';
import { openDatabase } from '../../db/open-database.js';
import { createLogger } from '../../log/logger.js';
import { authenticateSession } from '../../session/authenticate-session.js';
import { renewSession } from '../../session/renew-session.js';
import { createSessionStore } from '../../session/session-store.js';
import { createWalletStore } from '../../wallet/wallet-store.js';
import { createAgentApp } from './agent-app.js';

function buildApp() {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'waiaas-app-')), 'db.sqlite'));
  const key = createSecretKey(randomBytes(32));
  const deps = { sessions: createSessionStore(db), audit: createAuditLog(db, { auditKey: () => key }), tokenKey: () => key, now: Date.now };
  return createAgentApp({
    version: '0.0.0-test',
    maxBodyBytes: 64 * 1024,
    log: createLogger('error', () => undefined),
    audit: deps.audit,
    wallets: createWalletStore(db),
    killSwitch: { get: () => ({ state: 'ACTIVE', changedAt: new Date(0).toISOString(), actor: 'system', reason: null }) },
    authenticate: (token) => authenticateSession(deps, token),
    renew: (caller, id) => renewSession(deps, caller, id),
    // Chains are not reachable here; every route using them is refused before it runs.
    wallet: { balance: unreachable, assets: unreachable, budget: unreachable, policies: unreachable },
    transactions: { send: unreachable, simulate: unreachable, get: unreachable, list: unreachable, cancel: unreachable },
    signing: { signMessage: unreachable, signTypedData: unreachable },
  });
}

const unreachable = (): never => {
  throw new Error('a route handler ran without authentication');
};

const concrete = (path: string) => path.replace(/:[a-z]+/gi, '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b').replace('*', 'x');

describe('agent app', () => {
  it('every route registered on the router, except GET /health, refuses a request without a token', async () => {
    const app = buildApp();
    const routes = app.routes.filter((r) => r.method !== 'ALL');
    // The router holds the protocol's routes and nothing else.
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      Object.values(agentRoutes).map((r) => `${r.method} ${r.path}`).sort(),
    );
    for (const route of routes) {
      const res = await app.request(concrete(route.path), { method: route.method, headers: { host: 'localhost' } });
      if (route.method === 'GET' && route.path === '/health') expect(res.status).toBe(200);
      else expect(res.status, `${route.method} ${route.path}`).toBe(401);
    }
  });

  it('a path that matches no route is refused as unauthenticated, not revealed as missing', async () => {
    const app = buildApp();
    for (const [method, path] of [['GET', '/v2/anything'], ['POST', '/health'], ['GET', '/health/'], ['PATCH', '/v1/wallet/address']]) {
      const res = await app.request(path ?? '', { method, headers: { host: 'localhost' } });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(await res.json()).toEqual({
        error: { code: 'AUTH__MISSING_TOKEN', message: 'This route needs "Authorization: Bearer <token>".', context: {} },
      });
    }
  });

  it('the middleware exempting /health matches it exactly', async () => {
    const app = buildApp();
    const res = await app.request('/health', { headers: { host: 'localhost' } });
    expect(await res.json()).toEqual({ status: 'ok', version: '0.0.0-test', agentApiVersion: '1' });
  });
});
