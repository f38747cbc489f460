import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, httpRequest } from '../support/http.js';
import { createTestHome, type RunningSigner, startSigner, type TestHome } from '../support/signer-home.js';

type Wallet = { id: string; name: string; chain: string; address: string; network: string };
type SessionJson = { session: { id: string; expiresAt: string; limits: Record<string, string | null> }; token: string };
type ErrorJson = { error: { code: string; message: string } };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('agent sessions through the real daemon', () => {
  let home: TestHome;
  let signer: RunningSigner;
  let solana: Wallet;
  let evm: Wallet;
  const socket = () => ({ socketPath: home.socketPath });
  const tcp = () => ({ host: '127.0.0.1', port: home.port });

  beforeAll(async () => {
    home = await createTestHome();
    signer = await startSigner(home);
    solana = (await home.cli('wallet', 'create', '--chain', 'solana', '--name', 'trader', '--json')).json<{ wallet: Wallet }>().wallet;
    evm = (await home.cli('wallet', 'create', '--chain', 'evm', '--json')).json<{ wallet: Wallet }>().wallet;
  });
  afterAll(async () => {
    await signer?.stop();
    home?.remove();
  });

  it('creates wallets with real addresses and lists them', async () => {
    expect(solana).toMatchObject({ name: 'trader', chain: 'solana', network: 'solana-devnet' });
    expect(solana.address).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/);
    expect(evm).toMatchObject({ name: 'evm-1', chain: 'evm', network: 'sepolia' });
    expect(evm.address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    const list = await home.cli('wallet', 'list', '--json');
    expect(list.json<{ wallets: Wallet[] }>().wallets.map((w) => w.name)).toEqual(['trader', 'evm-1']);
    const taken = await home.cli('wallet', 'create', '--chain', 'evm', '--name', 'trader', '--json');
    expect(taken.code).toBe(1);
    expect(taken.json<ErrorJson>().error.code).toBe('WALLET__NAME_TAKEN');
  });

  it('a session token reaches its wallet over the socket and over loopback TCP', async () => {
    const created = await home.cli('session', 'create', '--wallet', 'trader', '--ttl', '1h', '--max-per-tx', '0.5 SOL', '--max-total', '2000000000', '--json');
    expect(created.code, created.stderr).toBe(0);
    const { session, token } = created.json<SessionJson>();
    expect(session.limits).toEqual({ maxPerTx: '500000000', maxTotal: '2000000000' });
    for (const target of [socket(), tcp()]) {
      const res = await httpRequest(target, 'GET', '/v1/wallet/address', { token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ walletId: solana.id, name: 'trader', chain: 'solana', network: 'solana-devnet', address: solana.address });
    }
  });

  it('renews after half the TTL; the old token is refused at once', async () => {
    const { session, token } = (await home.cli('session', 'create', '--wallet', evm.id, '--ttl', '3s', '--json')).json<SessionJson>();
    const early = await httpRequest(socket(), 'PUT', `/v1/sessions/${session.id}/renew`, { token });
    expect(early.status).toBe(409);
    expect(errorCode(early)).toBe('SESSION__RENEWAL_TOO_EARLY');

    await sleep(1600);
    const renewed = await httpRequest(socket(), 'PUT', `/v1/sessions/${session.id}/renew`, { token });
    expect(renewed.status).toBe(200);
    const next = renewed.body as { token: string; renewCount: number; expiresAt: string };
    expect(next.renewCount).toBe(1);
    expect(Date.parse(next.expiresAt)).toBeGreaterThan(Date.parse(session.expiresAt));

    const old = await httpRequest(socket(), 'GET', '/v1/wallet/address', { token });
    expect(old.status).toBe(401);
    expect(errorCode(old)).toBe('SESSION__TOKEN_SUPERSEDED');
    const again = await httpRequest(socket(), 'PUT', `/v1/sessions/${session.id}/renew`, { token });
    expect(errorCode(again)).toBe('SESSION__TOKEN_SUPERSEDED');
    expect((await httpRequest(socket(), 'GET', '/v1/wallet/address', { token: next.token })).status).toBe(200);
  });

  it('revocation is refused from the very next request', async () => {
    const { session, token } = (await home.cli('session', 'create', '--wallet', evm.id, '--json')).json<SessionJson>();
    expect((await httpRequest(socket(), 'GET', '/v1/wallet/address', { token })).status).toBe(200);
    const revoked = await home.cli('session', 'revoke', session.id, '--json');
    expect(revoked.json<{ session: { status: string } }>().session.status).toBe('revoked');
    const after = await httpRequest(socket(), 'GET', '/v1/wallet/address', { token });
    expect(after.status).toBe(401);
    expect(errorCode(after)).toBe('SESSION__REVOKED');
  });

  it('two concurrent renewals of one token: exactly one wins', async () => {
    const { session, token } = (await home.cli('session', 'create', '--wallet', 'trader', '--ttl', '3s', '--json')).json<SessionJson>();
    await sleep(1600);
    const results = await Promise.all(
      [0, 1, 2, 3].map(() => httpRequest(socket(), 'PUT', `/v1/sessions/${session.id}/renew`, { token })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 200)) {
      expect(['SESSION__RENEWAL_CONFLICT', 'SESSION__TOKEN_SUPERSEDED']).toContain(errorCode(r));
    }
  });

  it('an expired token is refused with SESSION__EXPIRED', async () => {
    const { token } = (await home.cli('session', 'create', '--wallet', 'trader', '--ttl', '1s', '--json')).json<SessionJson>();
    await sleep(1200);
    const res = await httpRequest(socket(), 'GET', '/v1/wallet/address', { token });
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('SESSION__EXPIRED');
  });

  it("a session cannot renew another session, even with a valid token", async () => {
    // Ownership is checked before anything else, so A need not be renewable yet.
    const a = (await home.cli('session', 'create', '--wallet', 'trader', '--json')).json<SessionJson>();
    const b = (await home.cli('session', 'create', '--wallet', 'trader', '--json')).json<SessionJson>();
    const res = await httpRequest(socket(), 'PUT', `/v1/sessions/${b.session.id}/renew`, { token: a.token });
    expect(res.status).toBe(403);
    expect(errorCode(res)).toBe('SESSION__FORBIDDEN');
  });

  it('refuses unlimited, zero and over-long TTLs, and bad amounts, before contacting anything', async () => {
    for (const ttl of ['0', 'forever', '-1h']) {
      const r = await home.cli('session', 'create', '--wallet', 'trader', '--ttl', ttl, '--json');
      expect(r.code).toBe(1);
      expect(r.json<ErrorJson>().error.code).toBe('SESSION__INVALID_TTL');
    }
    const long = await home.cli('session', 'create', '--wallet', 'trader', '--ttl', '31d', '--json');
    expect(long.json<ErrorJson>().error).toMatchObject({
      code: 'SESSION__INVALID_TTL',
      message: 'Session TTL "31d" is invalid: the longest allowed is 30d.',
    });
    for (const amount of ['-5', '1.5', '0.0000000001 SOL', 'lots']) {
      const r = await home.cli('session', 'create', '--wallet', 'trader', '--max-per-tx', amount, '--json');
      expect(r.json<ErrorJson>().error.code, amount).toBe('AMOUNT__INVALID');
    }
    const unknown = await home.cli('session', 'create', '--wallet', 'nobody', '--json');
    expect(unknown.json<ErrorJson>().error.code).toBe('WALLET__NOT_FOUND');
  });

  it('lists active sessions, and all of them with --all', async () => {
    const active = (await home.cli('session', 'list', '--json')).json<{ sessions: { status: string }[] }>().sessions;
    expect(active.every((s) => s.status === 'active')).toBe(true);
    const all = (await home.cli('session', 'list', '--all', '--json')).json<{ sessions: { status: string }[] }>().sessions;
    expect(all.map((s) => s.status)).toEqual(expect.arrayContaining(['active', 'revoked', 'expired']));
  });

  it('admin commands need the master password', async () => {
    const r = await home.cli('wallet', 'list', '--json');
    expect(r.code).toBe(0);
    const wrong = await (await import('../support/cli.js')).runCli(['wallet', 'list', '--json'], {
      ...home.env,
      WAIAAS_MASTER_PASSWORD: 'definitely not it!',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.json<ErrorJson>().error.code).toBe('KEYSTORE__WRONG_PASSWORD');
  });
});
