import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { owner } from '@waiaas/protocol';
import WebSocket from 'ws';
import { errorCode, httpRequest } from '../support/http.js';
import { getBase58Decoder } from '@solana/kit';
import { OwnerDevice } from '../support/owner-device.js';
import { solanaOwnerWallet } from '../support/owner-wallet.js';
import { createTestHome, type RunningSigner, startSigner, type TestHome } from '../support/signer-home.js';

describe('pairing the Owner browser', { timeout: 60_000 }, () => {
  let home: TestHome;
  let signer: RunningSigner;

  beforeAll(async () => {
    home = await createTestHome();
    signer = await startSigner(home);
  }, 60_000);

  afterAll(async () => {
    await signer?.stop();
    home?.remove();
  });

  const newCode = async (...args: string[]) => {
    const result = await home.cli('pair', ...args, '--json');
    expect(result.code, result.stderr).toBe(0);
    return owner.CreatePairingCodeResponse.parse(result.json());
  };
  const auditActions = async (action: string) =>
    (await home.cli('audit', 'list', '--action', action, '--json')).json<{ entries: { actor: string; details: Record<string, unknown> }[] }>().entries;

  it('prints a grouped 120-bit code, the address and the fingerprint, and pairs a WebCrypto device with it once', async () => {
    const issued = await newCode();
    expect(issued.code).toMatch(/^([A-Z2-7]{4}-){5}[A-Z2-7]{4}$/);
    expect(issued.address).toBe(`http://127.0.0.1:${home.port}`);
    expect(Date.parse(issued.expiresAt) - Date.now()).toBeLessThanOrEqual(600_000);

    const device = await OwnerDevice.create(home.port);
    // Typed back in lower case without dashes: still the same code.
    const res = await device.pair(issued.code.toLowerCase().replaceAll('-', ''));
    expect(res.status).toBe(200);
    expect((res.body as owner.PairResponse).fingerprint).toBe(issued.fingerprint);
    expect(device.identityKey).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const list = await home.cli('pair', 'list', '--json');
    const devices = list.json<{ devices: owner.OwnerDevice[] }>().devices;
    expect(devices).toContainEqual(expect.objectContaining({ id: device.deviceId, origin: device.origin, status: 'active', algorithm: 'Ed25519' }));
    expect((await auditActions('owner.pair')).map((e) => e.actor)).toContain(`owner:${device.deviceId}`);

    const second = await OwnerDevice.create(home.port);
    const reused = await second.pair(issued.code);
    expect(reused.status).toBe(410);
    expect(errorCode(reused)).toBe('PAIRING__CODE_USED');
  });

  it('names the signer as co-sign messages do (ed25519:<base58>) in `waiaas pair` and in the pair response', async () => {
    const issued = await newCode();
    const device = await OwnerDevice.create(home.port);
    const res = await device.pair(issued.code);
    const paired = owner.PairResponse.parse(res.body);
    const derived = `ed25519:${getBase58Decoder().decode(Buffer.from(paired.identityKey, 'base64url'))}`;
    expect(issued.signerIdentity).toBe(derived);
    expect(paired.signerIdentity).toBe(derived);
    // The very string the Owner's wallet will show in a co-sign message.
    const socket = await device.connect();
    const message = await socket.command({ type: 'owner.register_message', id: 'm1', address: solanaOwnerWallet().address });
    socket.close();
    expect(message.type === 'result' && owner.ownerCommands['owner.register_message'].result.parse(message.result).owner.fields.signer).toBe(derived);
    // The people-facing output prints both forms.
    const printed = await home.cli('pair');
    expect(printed.stdout).toContain(`signer identity      ${derived}`);
    expect(printed.stdout).toContain(`identity fingerprint ${issued.fingerprint}`);
  });

  it('pairs an ECDSA P-256 device too', async () => {
    const { code } = await newCode();
    const device = await OwnerDevice.create(home.port, { algorithm: 'ECDSA-P256' });
    expect((await device.pair(code)).status).toBe(200);
  });

  it('refuses a wrong code, burns the code at the fifth wrong attempt, and audits each refusal', async () => {
    const { code } = await newCode();
    const device = await OwnerDevice.create(home.port);
    const wrong = owner.pairingCodeFromBytes(new Uint8Array(15));
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 5; i++) codes.push(errorCode(await device.pair(wrong)));
    expect(codes).toEqual([...Array(4).fill('PAIRING__CODE_MISMATCH'), 'PAIRING__TOO_MANY_ATTEMPTS']);
    const after = await device.pair(code);
    expect(errorCode(after)).toBe('PAIRING__CODE_USED');
    const refusals = (await auditActions('owner.pair_refused')).map((e) => e.details.code);
    expect(refusals.filter((c) => c === 'PAIRING__CODE_MISMATCH')).toHaveLength(4);
    expect(refusals).toContain('PAIRING__TOO_MANY_ATTEMPTS');
    // Nothing in the audit log holds the code.
    const everything = (await home.cli('audit', 'list', '--limit', '1000', '--json')).stdout;
    expect(everything).not.toContain(code.replaceAll('-', ''));
    expect(everything).not.toContain(code);
  });

  it('refuses an expired code', async () => {
    const { code } = await newCode('--ttl', '1s');
    await new Promise((r) => setTimeout(r, 1100));
    const res = await (await OwnerDevice.create(home.port)).pair(code);
    expect(res.status).toBe(410);
    expect(errorCode(res)).toBe('PAIRING__CODE_EXPIRED');
  });

  it('refuses a web page origin and a non-local Host without spending the code', async () => {
    const { code } = await newCode();
    const device = await OwnerDevice.create(home.port);
    const fromPage = await device.pair(code, { origin: 'https://evil.example' });
    expect(fromPage.status).toBe(403);
    expect(errorCode(fromPage)).toBe('PAIRING__ORIGIN_NOT_ALLOWED');
    const rebound = await device.pair(code, { host: 'evil.example' });
    expect(errorCode(rebound)).toBe('REQUEST__HOST_NOT_ALLOWED');
    expect((await device.pair(code)).status).toBe(200);
  });

  it('answers a malformed pair request with a coded validation error', async () => {
    const res = await httpRequest({ host: '127.0.0.1', port: home.port }, 'POST', '/v1/owner/pair', {
      headers: { 'content-type': 'application/json', origin: 'chrome-extension://abc' },
      body: JSON.stringify({ protocol: '1', name: 'x' }),
    });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('REQUEST__VALIDATION_FAILED');
  });

  it('never serves owner routes on the agent unix socket, with or without an agent session token', async () => {
    await home.cli('wallet', 'create', '--chain', 'solana', '--name', 'sock', '--json');
    const session = await home.cli('session', 'create', '--wallet', 'sock', '--json');
    const token = session.json<{ token: string }>().token;
    const onSocket = (opts: { token?: string }) =>
      httpRequest({ socketPath: home.socketPath }, 'POST', '/v1/owner/pair', { ...opts, headers: { 'content-type': 'application/json' }, body: '{}' });
    // Without a token the agent API asks for one; with one it has no such route. Never the owner app.
    const anonymous = await onSocket({});
    expect(anonymous.status).toBe(401);
    const withToken = await onSocket({ token });
    expect(withToken.status).toBe(404);
    expect(errorCode(withToken)).toBe('REQUEST__NOT_FOUND');
    const ws = new WebSocket(`ws+unix://${home.socketPath}:/v1/owner/ws`, { origin: 'chrome-extension://abc' });
    const outcome = await new Promise<string>((resolve) => {
      ws.once('open', () => resolve('open'));
      ws.once('error', () => resolve('error'));
      ws.once('unexpected-response', (_req, res) => resolve(`http ${res.statusCode}`));
    });
    ws.terminate();
    expect(outcome).not.toBe('open');
  });
});
