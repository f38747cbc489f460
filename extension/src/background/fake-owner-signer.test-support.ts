import { webcrypto } from 'node:crypto';
import { owner } from '@waiaas/protocol';
import type { PairingInfo } from '../port/messages.js';
import { fromBase64Url, toBase64Url, utf8 } from './base64url.js';
import { createDeviceKeys, createMemoryKeyPairStore, type DeviceKey } from './device-keys.js';
import type { OpenSocket, SocketHandlers } from './owner-socket.js';
import { signerIdentityOf } from './pairing.js';

export const subtle = webcrypto.subtle as SubtleCrypto;
export const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
export const DEVICE_ID = '01936a5c-0000-7000-8000-000000000001';

/**
 * Lets pending promises (WebCrypto runs off the main thread) settle until `done` holds. Bounded by
 * wall-clock time, not a tick count: on a loaded machine a signature can outlast thousands of ticks.
 * hrtime, because the tests fake Date (never hrtime or setImmediate).
 */
export async function until(done: () => boolean, what = 'condition', timeoutMs = 10_000): Promise<void> {
  const deadline = process.hrtime.bigint() + BigInt(timeoutMs) * 1_000_000n;
  while (process.hrtime.bigint() < deadline) {
    if (done()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (done()) return;
  throw new Error(`timed out waiting for ${what}`);
}

export interface FakeSocket {
  url: string;
  handlers: SocketHandlers;
  sent: Record<string, unknown>[];
  closedWith: { code?: number; reason?: string } | undefined;
  /** The signer sends a frame. */
  push(frame: unknown): void;
}

/**
 * The signer's side of the Owner WebSocket, played in the test: a real Ed25519 identity key that
 * signs challenges, and every socket the connection opens, with what was sent on it.
 */
export async function createFakeOwnerSigner() {
  const identity = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const identityKey = toBase64Url(await subtle.exportKey('raw', identity.publicKey));
  const deviceKeys = createDeviceKeys(subtle, createMemoryKeyPairStore());
  const fresh = await deviceKeys.generate();
  await fresh.keep();
  const deviceKey = (await deviceKeys.current()) as DeviceKey;
  const pairing: PairingInfo = {
    signerUrl: 'http://127.0.0.1:3100',
    deviceId: DEVICE_ID,
    identityKey,
    signerIdentity: signerIdentityOf(identityKey),
    deviceName: 'test',
    pairedAt: '2026-11-21T10:00:00.000Z',
  };
  const sockets: FakeSocket[] = [];
  const openSocket: OpenSocket = (url, handlers) => {
    const socket: FakeSocket = {
      url,
      handlers,
      sent: [],
      closedWith: undefined,
      push: (frame) => handlers.message(JSON.stringify(frame)),
    };
    sockets.push(socket);
    return {
      send: (text) => void socket.sent.push(JSON.parse(text) as Record<string, unknown>),
      close: (code, reason) => void (socket.closedWith = { code, reason }),
    };
  };

  const challenge = async (signWith: CryptoKey = identity.privateKey) => {
    const nonce = toBase64Url(webcrypto.getRandomValues(new Uint8Array(32)));
    const expiresAt = new Date(Date.now() + 10_000).toISOString();
    const signature = toBase64Url(await subtle.sign({ name: 'Ed25519' }, signWith, utf8(owner.challengeTranscript({ nonce, expiresAt }))));
    return { type: 'challenge', protocol: '1', nonce, expiresAt, identityKey, signature };
  };

  /** Whether an auth frame is what the real signer accepts: the device key over the auth transcript. */
  const authIsValid = async (frame: Record<string, unknown>, nonce: string) => {
    const key = await subtle.importKey('spki', fromBase64Url(deviceKey.spki), { name: 'Ed25519' }, false, ['verify']);
    const transcript = owner.authTranscript({ nonce, identityKey, origin: ORIGIN });
    return frame.deviceId === DEVICE_ID && (await subtle.verify({ name: 'Ed25519' }, key, fromBase64Url(String(frame.signature)), utf8(transcript)));
  };

  /** Drives a socket through challenge → auth → authenticated → resume. */
  const authenticate = async (socket: FakeSocket) => {
    const frame = await challenge();
    socket.push(frame);
    await until(() => socket.sent.some((f) => f.type === 'auth'), 'the auth frame');
    if (!(await authIsValid(socket.sent.find((f) => f.type === 'auth') ?? {}, frame.nonce))) throw new Error('bad auth');
    socket.push({ type: 'authenticated', deviceId: DEVICE_ID, latestSeq: 0 });
    await until(() => socket.sent.some((f) => f.type === 'resume'), 'the resume frame');
  };

  return { identity, identityKey, pairing, deviceKey, sockets, openSocket, challenge, authIsValid, authenticate };
}
