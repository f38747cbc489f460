import { owner } from '@waiaas/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OwnerDevice, type OwnerSocket } from '../support/owner-device.js';
import { createTestHome, type RunningSigner, startSigner, type TestHome } from '../support/signer-home.js';

describe('the Owner WebSocket', { timeout: 90_000 }, () => {
  let home: TestHome;
  let signer: RunningSigner;
  let device: OwnerDevice;

  beforeAll(async () => {
    home = await createTestHome();
    signer = await startSigner(home);
    await home.cli('wallet', 'create', '--chain', 'solana', '--name', 'bot', '--json');
    device = await pairNew();
  }, 90_000);

  afterAll(async () => {
    await signer?.stop();
    home?.remove();
  });

  async function pairNew(opts: { origin?: string } = {}): Promise<OwnerDevice> {
    const { code } = owner.CreatePairingCodeResponse.parse((await home.cli('pair', '--json')).json());
    const paired = await OwnerDevice.create(home.port, opts);
    expect((await paired.pair(code)).status).toBe(200);
    return paired;
  }
  const newSession = async () => (await home.cli('session', 'create', '--wallet', 'bot', '--json')).json<{ session: { id: string } }>().session.id;
  const refusal = async (socket: OwnerSocket) => {
    const error = await socket.next('error');
    const closed = await socket.closedWith();
    expect(closed.reason).toBe(error.error.code);
    return { code: error.error.code, close: closed.code };
  };

  it('authenticates a paired device, sends a snapshot to a fresh one, then live events', async () => {
    const socket = await device.connect();
    socket.send({ type: 'resume', lastSeq: null });
    const { snapshot } = await socket.next('snapshot');
    expect(snapshot.killSwitch.state).toBe('ACTIVE');
    await socket.next('synced');
    const sessionId = await newSession();
    const event = await socket.next('event');
    expect(event.event).toEqual({ kind: 'session.created', sessionId, walletId: expect.any(String) });
    socket.close();
  });

  it('replays every event missed while disconnected, in order and once', async () => {
    const first = await device.connect();
    first.send({ type: 'resume', lastSeq: null });
    const { seq } = await first.next('synced');
    first.close();
    await first.closedWith();

    const a = await newSession();
    const b = await newSession();
    await home.cli('session', 'revoke', a, '--json');

    const again = await device.connect();
    again.send({ type: 'resume', lastSeq: seq });
    const synced = await again.next('synced');
    const events = again.frames.filter((f) => f.type === 'event');
    expect(events.map((e) => e.event)).toEqual([
      expect.objectContaining({ kind: 'session.created', sessionId: a }),
      expect.objectContaining({ kind: 'session.created', sessionId: b }),
      expect.objectContaining({ kind: 'session.revoked', sessionId: a }),
    ]);
    expect(events.map((e) => e.seq)).toEqual([seq + 1, seq + 2, seq + 3]);
    expect(synced.seq).toBe(seq + 3);
    again.close();
  });

  it('refuses an unknown device, a bad signature, a wrong Origin, a non-local Host and a replayed challenge', async () => {
    const stranger = await OwnerDevice.create(home.port);
    stranger.deviceId = '01936f1a-0b7c-7a10-8f00-5c1a9e2d4b99';
    const unknown = await stranger.open();
    const c1 = await unknown.next('challenge');
    unknown.send({ type: 'auth', deviceId: stranger.deviceId, nonce: c1.nonce, signature: await stranger.signAuth(c1.nonce) });
    expect(await refusal(unknown)).toEqual({ code: 'OWNER__DEVICE_NOT_FOUND', close: 4401 });

    const badSig = await device.open();
    const c2 = await badSig.next('challenge');
    badSig.send({ type: 'auth', deviceId: device.deviceId, nonce: c2.nonce, signature: await device.signAuth('another-nonce-entirely-xx') });
    expect(await refusal(badSig)).toEqual({ code: 'OWNER__BAD_SIGNATURE', close: 4401 });

    const otherOrigin = await device.open({ origin: 'chrome-extension://someotherextensionid' });
    const c3 = await otherOrigin.next('challenge');
    otherOrigin.send({ type: 'auth', deviceId: device.deviceId, nonce: c3.nonce, signature: await device.signAuth(c3.nonce) });
    expect(await refusal(otherOrigin)).toEqual({ code: 'OWNER__ORIGIN_MISMATCH', close: 4401 });

    const rebound = await device.open({ host: 'evil.example' });
    expect(await refusal(rebound)).toEqual({ code: 'REQUEST__HOST_NOT_ALLOWED', close: 4401 });

    // An answer recorded on one connection, replayed on the next.
    const recorded = await device.open();
    const c4 = await recorded.next('challenge');
    const answer = { type: 'auth', deviceId: device.deviceId, nonce: c4.nonce, signature: await device.signAuth(c4.nonce) };
    recorded.close();
    const replay = await device.open();
    await replay.next('challenge');
    replay.send(answer);
    expect(await refusal(replay)).toEqual({ code: 'OWNER__CHALLENGE_REPLAYED', close: 4401 });
  });

  it('answers malformed and oversized frames with coded errors and keeps serving', async () => {
    const socket = await device.connect();
    const codes: string[] = [];
    const next = async () => codes.push((await socket.next('error')).error.code);
    socket.send('not json');
    await next();
    socket.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    await next();
    socket.send({ type: 'resume', lastSeq: 'yesterday' });
    await next();
    socket.send('x'.repeat(owner.OWNER_MAX_FRAME_BYTES + 1));
    await next();
    expect(codes).toEqual(['OWNER__MALFORMED_FRAME', 'OWNER__MALFORMED_FRAME', 'OWNER__MALFORMED_FRAME', 'OWNER__FRAME_TOO_LARGE']);
    const unknown = await socket.command({ type: 'wallet.drain', id: 'c1' });
    expect(unknown).toMatchObject({ type: 'error', id: 'c1', error: { code: 'OWNER__UNKNOWN_COMMAND' } });
    const invalid = await socket.command({ type: 'session.revoke', id: 'c2', sessionId: 'nope' });
    expect(invalid).toMatchObject({ type: 'error', id: 'c2', error: { code: 'OWNER__MALFORMED_FRAME' } });
    socket.send({ type: 'heartbeat', at: new Date().toISOString() });
    await socket.next('heartbeat');
    const list = await socket.command({ type: 'session.list', id: 'c3' });
    expect(list.type).toBe('result');
    socket.close();
  });

  it('tells the device who the Owner is (nobody yet) and what each session has spent, without a signature', async () => {
    const socket = await device.connect();
    const status = await socket.command({ type: 'owner.status', id: 's1' });
    expect(status.type === 'result' && owner.ownerCommands['owner.status'].result.parse(status.result)).toEqual({
      owner: { state: 'NONE', chain: null, address: null, setAt: null, lockedAt: null },
    });
    const sessionId = await newSession();
    const list = await socket.command({ type: 'session.list', id: 's2' });
    const sessions = list.type === 'result' ? owner.ownerCommands['session.list'].result.parse(list.result).sessions : [];
    expect(sessions.find((s) => s.id === sessionId)).toMatchObject({ status: 'active', walletName: 'bot', chain: 'solana', spent: '0' });
    socket.close();
  });

  it('runs unsigned commands for an authenticated device only, each audited as owner:<deviceId>', async () => {
    const anonymous = await device.open();
    await anonymous.next('challenge');
    const early = await anonymous.command({ type: 'session.list', id: 'e1' });
    expect(early).toMatchObject({ type: 'error', error: { code: 'OWNER__NOT_AUTHENTICATED' } });
    anonymous.close();

    const socket = await device.connect();
    const sessionId = await newSession();
    const revoked = await socket.command({ type: 'session.revoke', id: 'r1', sessionId });
    expect(revoked.type === 'result' && owner.ownerCommands['session.revoke'].result.parse(revoked.result).session.status).toBe('revoked');
    const missing = await socket.command({ type: 'transaction.cancel', id: 't1', transactionId: '01936f1a-0b7c-7a10-8f00-5c1a9e2d4b98' });
    expect(missing).toMatchObject({ type: 'error', error: { code: 'OWNER__TRANSACTION_NOT_FOUND' } });

    socket.send({ type: 'resume', lastSeq: null });
    await socket.next('synced');
    const kill = await socket.command({ type: 'kill_switch.activate', id: 'k1', reason: 'lost laptop' });
    expect(kill.type === 'result' && owner.ownerCommands['kill_switch.activate'].result.parse(kill.result).killSwitch.state).toBe('LOCKED');
    expect((await socket.next('event')).event).toMatchObject({ kind: 'kill_switch.changed', state: 'LOCKED', actor: `owner:${device.deviceId}` });
    const status = (await home.cli('kill-switch', 'status', '--json')).json<{ state: string }>();
    expect(status.state).toBe('LOCKED');
    const audit = (await home.cli('audit', 'list', '--limit', '200', '--json')).json<{ entries: { actor: string; action: string }[] }>().entries;
    const mine = audit.filter((e) => e.actor === `owner:${device.deviceId}`).map((e) => e.action);
    expect(mine).toEqual(expect.arrayContaining(['session.revoke', 'kill_switch.activate', 'owner.command', 'owner.connect']));
    await home.cli('kill-switch', 'recover', '--json');
    socket.close();
  });

  it('closes a revoked device at once and refuses it afterwards', async () => {
    const other = await pairNew();
    const socket = await other.connect();
    const revoke = await home.cli('pair', 'revoke', other.deviceId ?? '', '--json');
    expect(revoke.json<{ closedConnections: number }>().closedConnections).toBe(1);
    expect(await refusal(socket)).toEqual({ code: 'OWNER__DEVICE_REVOKED', close: 4403 });
    const retry = await other.open();
    const challenge = await retry.next('challenge');
    retry.send({ type: 'auth', deviceId: other.deviceId, nonce: challenge.nonce, signature: await other.signAuth(challenge.nonce) });
    expect(await refusal(retry)).toEqual({ code: 'OWNER__DEVICE_REVOKED', close: 4401 });
  });
});
