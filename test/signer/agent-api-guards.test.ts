import { connect } from 'node:net';
import { adminRoutes, agentRoutes } from '@waiaas/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, httpRequest, type Target } from '../support/http.js';
import { createTestHome, type RunningSigner, startSigner, type TestHome } from '../support/signer-home.js';

function rawRequest(target: Target, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = 'socketPath' in target ? connect(target.socketPath) : connect(target.port, target.host);
    let data = '';
    socket.on('data', (d) => (data += d));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
    socket.end(text);
  });
}

const fill = (path: string) => path.replace(/:[a-z]+/gi, '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');

describe('the agent API edge, against the real daemon', () => {
  let home: TestHome;
  let signer: RunningSigner;
  let token: string;
  let sessionId: string;
  const socket = (): Target => ({ socketPath: home.socketPath });
  const tcp = (): Target => ({ host: '127.0.0.1', port: home.port });

  beforeAll(async () => {
    home = await createTestHome();
    signer = await startSigner(home);
    await home.cli('wallet', 'create', '--chain', 'solana', '--name', 'w', '--json');
    const created = (await home.cli('session', 'create', '--wallet', 'w', '--json')).json<{ token: string; session: { id: string } }>();
    token = created.token;
    sessionId = created.session.id;
  });
  afterAll(async () => {
    await signer?.stop();
    home?.remove();
  });

  it('every route but GET /health answers 401 without a token, on both listeners', async () => {
    const probes = [
      ...Object.values(agentRoutes).map((r) => [r.method, fill(r.path)] as const),
      ['GET', '/v1/not-a-route'],
      ['POST', '/v1/transactions/send'],
      ['GET', '/health/extra'],
      ['DELETE', '/health'],
      ['GET', '/v1/wallet/address/sub/path'],
    ] as const;
    for (const target of [socket(), tcp()]) {
      for (const [method, path] of probes) {
        const res = await httpRequest(target, method, path);
        if (method === 'GET' && path === '/health') {
          expect(res.status).toBe(200);
          expect(Object.keys(res.body as object).sort()).toEqual(['agentApiVersion', 'status', 'version']);
        } else {
          expect(res.status, `${method} ${path}`).toBe(401);
          expect(errorCode(res)).toBe('AUTH__MISSING_TOKEN');
        }
      }
    }
  });

  it('garbage and forged tokens are refused', async () => {
    const [header = '', payload = ''] = token.split('.');
    for (const bad of ['abc', `${header}.${payload}.AAAA`, token.slice(0, -2)]) {
      const res = await httpRequest(socket(), 'GET', '/v1/wallet/address', { token: bad });
      expect(res.status).toBe(401);
      expect(errorCode(res)).toBe('AUTH__INVALID_TOKEN');
    }
  });

  it('refuses a Host that is not this machine (DNS rebinding) on both listeners', async () => {
    for (const target of [socket(), tcp()]) {
      for (const host of ['evil.example', 'evil.example:3100', '127.0.0.1.nip.io', 'localhost.evil.example']) {
        const res = await httpRequest(target, 'GET', '/health', { headers: { host } });
        expect(res.status, host).toBe(403);
        expect(errorCode(res)).toBe('REQUEST__HOST_NOT_ALLOWED');
      }
      // HTTP/1.0 allows leaving Host out; that is refused too.
      const raw = await rawRequest(target, 'GET /health HTTP/1.0\r\n\r\n');
      expect(raw).toMatch(/^HTTP\/1\.[01] 403/);
      expect(raw).toContain('REQUEST__HOST_NOT_ALLOWED');
      for (const host of ['localhost', '127.0.0.1:3100', '[::1]:3100', 'LOCALHOST']) {
        expect((await httpRequest(target, 'GET', '/health', { headers: { host } })).status, host).toBe(200);
      }
    }
  });

  it('refuses requests from web pages (Origin header)', async () => {
    const res = await httpRequest(tcp(), 'GET', '/v1/wallet/address', { token, headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      error: {
        code: 'REQUEST__ORIGIN_NOT_ALLOWED',
        message: 'Requests from web origin "https://evil.example" are not accepted by the agent API.',
        context: { origin: 'https://evil.example' },
      },
    });
  });

  it('the admin API is not mounted on TCP, with or without credentials', async () => {
    for (const route of Object.values(adminRoutes)) {
      const noToken = await httpRequest(tcp(), route.method, fill(route.path));
      expect(noToken.status).toBe(401);
      const withSession = await httpRequest(tcp(), route.method, fill(route.path), { token });
      expect(withSession.status, route.path).toBe(404);
      expect(errorCode(withSession)).toBe('REQUEST__NOT_FOUND');
    }
    const login = await httpRequest(tcp(), 'POST', '/v1/admin/auth', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: 'correct horse battery staple' }),
    });
    expect(login.status).toBe(401);
  });

  it('admin routes on the socket want an admin token, not a session token', async () => {
    const res = await httpRequest(socket(), 'GET', '/v1/admin/wallets', { token });
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('ADMIN__INVALID_TOKEN');
  });

  it('malformed JSON, unknown fields, wrong content type and oversized bodies get coded 4xx', async () => {
    const post = (body: string | Buffer, contentType = 'application/json') =>
      httpRequest(socket(), 'POST', '/v1/admin/auth', { headers: { 'content-type': contentType }, body });
    expect(errorCode(await post('{"password": '))).toBe('REQUEST__MALFORMED_JSON');
    const unknown = await post(JSON.stringify({ password: 'x', extra: 1 }));
    expect(unknown.status).toBe(400);
    expect(errorCode(unknown)).toBe('REQUEST__VALIDATION_FAILED');
    expect(errorCode(await post('password=x', 'application/x-www-form-urlencoded'))).toBe('REQUEST__UNSUPPORTED_MEDIA_TYPE');
    const big = await post(Buffer.alloc(65 * 1024, 0x20));
    expect(big.status).toBe(413);
    expect(errorCode(big)).toBe('REQUEST__BODY_TOO_LARGE');
    const bigAgent = await httpRequest(socket(), 'PUT', `/v1/sessions/${sessionId}/renew`, {
      token,
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(70 * 1024, 0x20),
    });
    expect(bigAgent.status).toBe(413);
    const badId = await httpRequest(socket(), 'PUT', '/v1/sessions/not-a-uuid/renew', { token });
    expect(badId.status).toBe(400);
    expect(errorCode(badId)).toBe('REQUEST__VALIDATION_FAILED');
    // The daemon is still healthy after all of that.
    expect((await httpRequest(socket(), 'GET', '/health')).status).toBe(200);
  });

  it('GET /doc serves an OpenAPI 3.1 document generated from the protocol', async () => {
    const res = await httpRequest(socket(), 'GET', '/doc', { token });
    expect(res.status).toBe(200);
    const doc = res.body as { openapi: string; paths: Record<string, Record<string, { security: unknown[] }>> };
    expect(doc.openapi).toBe('3.1.0');
    const expected = new Set(Object.values(agentRoutes).map((r) => r.path.replace(/:([a-z]+)/gi, '{$1}')));
    expect(Object.keys(doc.paths).sort()).toEqual([...expected].sort());
    expect(doc.paths['/v1/transactions/send']).toBeDefined();
    expect(doc.paths['/health']?.get?.security).toEqual([]);
    expect(doc.paths['/v1/wallet/address']?.get?.security).toEqual([{ bearer: [] }]);
    expect(JSON.stringify(doc)).not.toContain('/v1/admin');
  });

  it('records every session use in the audit log', async () => {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(`${home.home}/waiaas.db`, { readonly: true });
    const before = db.prepare("SELECT count(*) FROM audit_log WHERE action = 'session.use' AND session_id = ?").pluck().get(sessionId) as number;
    await httpRequest(socket(), 'GET', '/v1/wallet/address', { token });
    const after = db.prepare("SELECT count(*) FROM audit_log WHERE action = 'session.use' AND session_id = ?").pluck().get(sessionId) as number;
    expect(after).toBe(before + 1);
    const actions = db.prepare('SELECT DISTINCT action FROM audit_log').pluck().all();
    expect(actions).toEqual(
      expect.arrayContaining(['home.init', 'daemon.start', 'admin.login', 'admin.request', 'wallet.create', 'session.create', 'session.use']),
    );
    db.close();
  });
});
