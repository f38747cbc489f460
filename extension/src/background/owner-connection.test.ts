import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeOwnerSigner, ORIGIN, subtle, until } from './fake-owner-signer.test-support.js';
import { type ConnectionStatus, createOwnerConnection, type SyncFrame } from './owner-connection.js';

const SNAPSHOT = { killSwitch: { state: 'ACTIVE', changedAt: '2026-11-21T10:00:00.000Z', actor: 'system', reason: null }, sessions: [], delayedTransactions: [], approvals: [] };

async function setup(opts: { lastSeq?: number | null } = {}) {
  const signer = await createFakeOwnerSigner();
  const statuses: ConnectionStatus[] = [];
  const frames: SyncFrame[] = [];
  const connection = createOwnerConnection({
    openSocket: signer.openSocket,
    subtle,
    pairing: async () => signer.pairing,
    deviceKey: async () => signer.deviceKey,
    extensionOrigin: ORIGIN,
    lastSeq: () => opts.lastSeq ?? null,
    onStatus: (status) => statuses.push(status),
    onFrame: (frame) => frames.push(frame),
    random: () => 0.5,
    now: () => Date.now(),
  });
  const socket = async (index: number) => {
    await until(() => signer.sockets.length > index, `socket ${index}`);
    return signer.sockets[index]!;
  };
  const last = () => statuses.at(-1);
  return { signer, connection, statuses, frames, socket, last };
}

describe('the Owner connection', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('checks the challenge, authenticates, resumes from the kept seq and is connected once synced', async () => {
    const t = await setup({ lastSeq: 41 });
    t.connection.start();
    const socket = await t.socket(0);
    expect(socket.url).toBe('ws://127.0.0.1:3100/v1/owner/ws');
    expect(t.last()?.connection).toBe('connecting');
    await t.signer.authenticate(socket);
    expect(socket.sent.at(-1)).toEqual({ type: 'resume', lastSeq: 41 });
    socket.push({ type: 'event', seq: 42, at: '2026-11-21T10:00:01.000Z', event: { kind: 'session.created', sessionId: '01936a5c-0000-7000-8000-0000000000aa', walletId: '01936a5c-0000-7000-8000-0000000000bb' } });
    socket.push({ type: 'synced', seq: 42 });
    await until(() => t.last()?.connection === 'connected', 'connected');
    expect(t.frames.map((f) => f.type)).toEqual(['event', 'synced']);
    expect(t.last()).toEqual({ connection: 'connected', lastError: null, retryAt: null });
  });

  it('asks for a snapshot when nothing is cached', async () => {
    const t = await setup({ lastSeq: null });
    t.connection.start();
    const socket = await t.socket(0);
    await t.signer.authenticate(socket);
    expect(socket.sent.at(-1)).toEqual({ type: 'resume', lastSeq: null });
    socket.push({ type: 'snapshot', seq: 3, snapshot: SNAPSHOT });
    await until(() => t.frames.length === 1, 'the snapshot');
  });

  it('refuses a signer whose challenge is not signed by the pinned identity key, and never retries', async () => {
    const t = await setup();
    t.connection.start();
    const socket = await t.socket(0);
    const impostor = (await subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    socket.push(await t.signer.challenge(impostor.privateKey));
    await until(() => t.last()?.connection === 'refused', 'refused');
    expect(socket.sent).toEqual([]);
    expect(socket.closedWith).toEqual({ code: 1000, reason: 'COMPANION__IDENTITY_MISMATCH' });
    expect(t.last()?.lastError?.code).toBe('COMPANION__IDENTITY_MISMATCH');
    vi.advanceTimersByTime(120_000);
    t.connection.wake();
    await new Promise((resolve) => setImmediate(resolve));
    expect(t.signer.sockets).toHaveLength(1);
  });

  it('is refused, without retrying, when the signer revokes the device (close 4403)', async () => {
    const t = await setup();
    t.connection.start();
    const socket = await t.socket(0);
    await t.signer.authenticate(socket);
    socket.push({ type: 'error', error: { code: 'OWNER__DEVICE_REVOKED', message: 'This device was revoked.', context: {} } });
    await until(() => true);
    socket.handlers.close(4403, 'OWNER__DEVICE_REVOKED');
    expect(t.last()).toEqual({ connection: 'refused', lastError: { code: 'OWNER__DEVICE_REVOKED', message: 'This device was revoked.' }, retryAt: null });
    vi.advanceTimersByTime(120_000);
    expect(t.signer.sockets).toHaveLength(1);
  });

  it('reconnects after a lost connection with backoff, exposing when it will retry', async () => {
    const t = await setup();
    t.connection.start();
    const first = await t.socket(0);
    await t.signer.authenticate(first);
    first.push({ type: 'synced', seq: 0 });
    await until(() => t.last()?.connection === 'connected');
    const closedAt = Date.now();
    first.handlers.close(1001, 'signer stopping');
    expect(t.last()).toEqual({
      connection: 'disconnected',
      lastError: { code: 'COMPANION__CONNECTION_CLOSED', message: 'The connection to the signer closed (1001 signer stopping); reconnecting.' },
      retryAt: new Date(closedAt + 1_000).toISOString(),
    });
    vi.advanceTimersByTime(999);
    expect(t.signer.sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    const second = await t.socket(1);
    second.handlers.close(1006, '');
    expect(t.last()?.retryAt).toBe(new Date(Date.now() + 2_000).toISOString());
  });

  it('the alarm reconnects at once instead of waiting out the backoff', async () => {
    const t = await setup();
    t.connection.start();
    (await t.socket(0)).handlers.close(1006, '');
    expect(t.last()?.connection).toBe('disconnected');
    t.connection.wake();
    await t.socket(1);
  });

  it('sends a heartbeat every 20 s and drops a connection that stopped answering', async () => {
    const t = await setup();
    t.connection.start();
    const socket = await t.socket(0);
    await t.signer.authenticate(socket);
    vi.advanceTimersByTime(20_000);
    expect(socket.sent.at(-1)).toEqual({ type: 'heartbeat', at: new Date(Date.now()).toISOString() });
    vi.advanceTimersByTime(40_000);
    expect(socket.closedWith).toEqual({ code: 4000, reason: 'no answer to heartbeats' });
    expect(t.last()?.connection).toBe('disconnected');
  });

  it('sends commands with ids and answers with the parsed result, or the signer error as it came', async () => {
    const t = await setup();
    t.connection.start();
    const socket = await t.socket(0);
    await t.signer.authenticate(socket);
    const listed = t.connection.command('approval.list', {});
    const sent = socket.sent.at(-1) as { type: string; id: string };
    expect(sent).toEqual({ type: 'approval.list', id: expect.stringMatching(/^c1-/) });
    socket.push({ type: 'result', id: sent.id, result: { approvals: [] } });
    await expect(listed).resolves.toEqual({ approvals: [] });

    const revoked = t.connection.command('session.revoke', { sessionId: '01936a5c-0000-7000-8000-0000000000aa' });
    const revokeId = (socket.sent.at(-1) as { id: string }).id;
    socket.push({ type: 'error', id: revokeId, error: { code: 'SESSION__NOT_FOUND', message: 'No such session.', context: {} } });
    await expect(revoked).rejects.toMatchObject({ code: 'SESSION__NOT_FOUND', message: 'No such session.' });
  });

  it('fails a command that is malformed, unanswered, or cut off by a close', async () => {
    const t = await setup();
    await expect(t.connection.command('approval.list', {})).rejects.toMatchObject({ code: 'COMPANION__NOT_CONNECTED' });
    t.connection.start();
    const socket = await t.socket(0);
    await t.signer.authenticate(socket);
    await expect(t.connection.command('session.revoke', { sessionId: 'not-an-id' })).rejects.toMatchObject({ code: 'COMPANION__INVALID_REQUEST' });
    const slow = t.connection.command('approval.list', {}, 5_000);
    vi.advanceTimersByTime(5_000);
    await expect(slow).rejects.toMatchObject({ code: 'COMPANION__COMMAND_TIMEOUT', message: 'The signer did not answer approval.list within 5 s.' });
    const cut = t.connection.command('approval.list', {});
    socket.handlers.close(1006, '');
    await expect(cut).rejects.toMatchObject({ code: 'COMPANION__CONNECTION_LOST' });
  });

  it('stop closes the socket and stays unpaired', async () => {
    const t = await setup();
    t.connection.start();
    const socket = await t.socket(0);
    t.connection.stop();
    expect(socket.closedWith).toEqual({ code: 1000, reason: 'unpaired' });
    expect(t.last()?.connection).toBe('unpaired');
    vi.advanceTimersByTime(60_000);
    expect(t.signer.sockets).toHaveLength(1);
  });
});
