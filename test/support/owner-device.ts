import { webcrypto } from 'node:crypto';
import { owner } from '@waiaas/protocol';
import WebSocket from 'ws';
import { httpRequest, type HttpResponse } from './http.js';
import type { TestHome } from './signer-home.js';

const { subtle } = webcrypto;
const utf8 = (text: string) => new TextEncoder().encode(text);
const b64url = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64url');

export const TEST_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

/**
 * A stand-in for the browser extension, doing what it will: WebCrypto keys (non-extractable
 * private key), the pairing MAC keyed by HKDF of the code, and the `ws` client with an Origin.
 */
export class OwnerDevice {
  deviceId: string | undefined;
  identityKey: string | undefined;

  private constructor(
    readonly port: number,
    readonly origin: string,
    readonly algorithm: owner.DeviceKeyAlgorithm,
    private readonly keys: webcrypto.CryptoKeyPair,
    readonly spki: string,
  ) {}

  static async create(port: number, opts: { origin?: string; algorithm?: owner.DeviceKeyAlgorithm } = {}): Promise<OwnerDevice> {
    const algorithm = opts.algorithm ?? 'Ed25519';
    const params = algorithm === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: 'P-256' };
    const keys = (await subtle.generateKey(params, false, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
    const spki = b64url(await subtle.exportKey('spki', keys.publicKey));
    return new OwnerDevice(port, opts.origin ?? TEST_ORIGIN, algorithm, keys, spki);
  }

  /** The pair request for `code`, MACed as the extension will. */
  async pairRequest(code: string, name = 'Test browser'): Promise<owner.PairRequest> {
    const nonce = b64url(webcrypto.getRandomValues(new Uint8Array(16)));
    const publicKey = { algorithm: this.algorithm, spki: this.spki };
    const transcript = owner.pairRequestTranscript({ origin: this.origin, algorithm: this.algorithm, spki: this.spki, name, nonce });
    return { protocol: '1', publicKey, name, nonce, mac: await hmac(code, transcript) };
  }

  /** POSTs /v1/owner/pair; on success checks the signer's MAC and pins its identity key. */
  async pair(code: string, opts: { request?: owner.PairRequest; host?: string; origin?: string } = {}): Promise<HttpResponse> {
    const request = opts.request ?? (await this.pairRequest(code));
    const res = await httpRequest({ host: '127.0.0.1', port: this.port }, 'POST', owner.ownerRoutes.pair.path, {
      headers: { 'content-type': 'application/json', origin: opts.origin ?? this.origin, host: opts.host ?? `127.0.0.1:${this.port}` },
      body: JSON.stringify(request),
    });
    if (res.status !== 200) return res;
    const body = owner.PairResponse.parse(res.body);
    const expected = await hmac(code, owner.pairResponseTranscript({ requestMac: request.mac, deviceId: body.deviceId, identityKey: body.identityKey }));
    if (expected !== body.mac) throw new Error('the signer did not prove it holds the pairing code');
    this.deviceId = body.deviceId;
    this.identityKey = body.identityKey;
    return res;
  }

  async signAuth(nonce: string): Promise<string> {
    const transcript = owner.authTranscript({ nonce, identityKey: this.identityKey ?? '', origin: this.origin });
    const params = this.algorithm === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' };
    return b64url(await subtle.sign(params, this.keys.privateKey, utf8(transcript)));
  }

  /** Opens the WebSocket; nothing is sent yet. */
  open(opts: { origin?: string; host?: string } = {}): Promise<OwnerSocket> {
    return OwnerSocket.open(this.port, { origin: opts.origin ?? this.origin, host: opts.host });
  }

  /** Opens, checks the challenge's signature against the pinned identity key, and authenticates. */
  async connect(): Promise<OwnerSocket> {
    const socket = await this.open();
    const challenge = await socket.next('challenge');
    if (!(await this.verifyChallenge(challenge))) throw new Error('challenge not signed by the pinned identity key');
    socket.send({ type: 'auth', deviceId: this.deviceId, nonce: challenge.nonce, signature: await this.signAuth(challenge.nonce) });
    await socket.next('authenticated');
    return socket;
  }

  async verifyChallenge(challenge: Extract<owner.OwnerServerFrame, { type: 'challenge' }>): Promise<boolean> {
    if (challenge.identityKey !== this.identityKey) return false;
    const key = await subtle.importKey('raw', Buffer.from(challenge.identityKey, 'base64url'), { name: 'Ed25519' }, false, ['verify']);
    const transcript = owner.challengeTranscript({ nonce: challenge.nonce, expiresAt: challenge.expiresAt });
    return subtle.verify({ name: 'Ed25519' }, key, Buffer.from(challenge.signature, 'base64url'), utf8(transcript));
  }
}

async function hmac(code: string, transcript: string): Promise<string> {
  const canonical = owner.normalizePairingCode(code) ?? code;
  const ikm = await subtle.importKey('raw', utf8(canonical), 'HKDF', false, ['deriveKey']);
  const key = await subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8(owner.PAIRING_KEY_INFO) },
    ikm,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign'],
  );
  return b64url(await subtle.sign('HMAC', key, utf8(transcript)));
}

type Frame = owner.OwnerServerFrame;

/** A `ws` client that queues every frame, parsed with the protocol schema. */
export class OwnerSocket {
  readonly frames: Frame[] = [];
  private waiters: (() => void)[] = [];
  closed: { code: number; reason: string } | undefined;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(owner.OwnerServerFrame.parse(JSON.parse(String(data))));
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
  }

  static open(port: number, opts: { origin: string; host?: string }): Promise<OwnerSocket> {
    const headers = opts.host ? { host: opts.host } : undefined;
    const ws = new WebSocket(`ws://127.0.0.1:${port}${owner.OWNER_WS_PATH}`, { origin: opts.origin, headers });
    const socket = new OwnerSocket(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(socket));
      ws.once('error', reject);
    });
  }

  private wake() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  send(frame: unknown) {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Removes and returns the first queued frame of `type` (waiting for it up to `timeoutMs`). */
  async next<T extends Frame['type']>(type: T, timeoutMs = 5000): Promise<Extract<Frame, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.frames.findIndex((f) => f.type === type);
      if (index >= 0) return this.frames.splice(index, 1)[0] as Extract<Frame, { type: T }>;
      if (this.closed) throw new Error(`closed (${this.closed.code} ${this.closed.reason}) before a ${type} frame`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${type} frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for the close; returns its code and reason. */
  async closedWith(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('the connection was not closed');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.closed;
  }

  /** Sends a command and waits for its result or error frame. */
  async command(frame: { type: string; id: string } & Record<string, unknown>): Promise<Extract<Frame, { type: 'result' | 'error' }>> {
    this.send(frame);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const index = this.frames.findIndex((f) => (f.type === 'result' || f.type === 'error') && f.id === frame.id);
      if (index >= 0) return this.frames.splice(index, 1)[0] as Extract<Frame, { type: 'result' | 'error' }>;
      if (this.closed || Date.now() > deadline) throw new Error(`no answer to ${frame.id}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close() {
    this.ws.close();
  }
}

/** Pairs a new test device with the running signer of `home` (through `waiaas pair`) and opens a synced connection. */
export async function pairAndConnect(home: Pick<TestHome, 'cli' | 'port'>): Promise<{ device: OwnerDevice; socket: OwnerSocket }> {
  const { code } = owner.CreatePairingCodeResponse.parse((await home.cli('pair', '--json')).json());
  const device = await OwnerDevice.create(home.port);
  const paired = await device.pair(code);
  if (paired.status !== 200) throw new Error(`pairing refused: ${paired.status} ${paired.text}`);
  const socket = await device.connect();
  socket.send({ type: 'resume', lastSeq: null });
  await socket.next('synced');
  return { device, socket };
}
