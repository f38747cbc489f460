import { randomBytes } from 'node:crypto';
import { owner, WaiaasError } from '@waiaas/protocol';
import type { RawData, WebSocket } from 'ws';
import type { z } from 'zod';
import type { AuditLog } from '../audit/audit-log.js';
import type { IdentitySigner } from '../keystore/identity-key.js';
import type { Logger } from '../log/logger.js';
import type { OwnerCommandTable } from './owner-command-table.js';
import { type OwnerDeviceStore, decodeDeviceKey } from './owner-device-store.js';
import type { OwnerEventStore } from './owner-event-store.js';
import { deviceSignatureValid } from './pairing-crypto.js';
import { parseOwnerFrame } from './parse-frame.js';

type ServerFrame = z.input<typeof owner.OwnerServerFrame>;

export interface OwnerConnectionDeps {
  devices: OwnerDeviceStore;
  identity: () => IdentitySigner;
  events: OwnerEventStore;
  commands: OwnerCommandTable;
  snapshot: () => owner.OwnerSnapshot;
  audit: AuditLog;
  log: Logger;
  now: () => number;
  authTimeoutMs: number;
}

export interface OwnerConnection {
  readonly deviceId: string | undefined;
  /** Sends every event after the device's cursor (no-op before it resumed). */
  flush(): void;
  /** Answers with a coded error frame and closes with the code as reason. */
  refuse(error: WaiaasError, closeCode: number): void;
  /** Pings; a peer that did not answer the previous ping is dropped. */
  heartbeat(): void;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** How many events one flush reads at a time. */
const BATCH = 200;

/**
 * One device's connection: challenge → auth → resume → live events and commands. The challenge
 * nonce is good for one answer on this connection only, so a recorded answer is worth nothing.
 */
export function acceptOwnerConnection(ws: WebSocket, request: { origin?: string }, deps: OwnerConnectionDeps): OwnerConnection {
  const send = (frame: ServerFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  let challenge: string | undefined = randomBytes(32).toString('base64url');
  let deviceId: string | undefined;
  let cursor: number | undefined;
  let alive = true;
  let closed = false;

  const refuse = (error: WaiaasError, closeCode: number) => {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    send({ type: 'error', error: error.toResponse().error });
    ws.close(closeCode, error.code);
  };
  const refuseAuth = (error: WaiaasError, claimed: string | undefined) => {
    deps.audit.record({ actor: 'system', action: 'owner.auth_refused', details: { code: error.code, deviceId: claimed ?? null, origin: request.origin ?? null } });
    refuse(error, owner.OWNER_CLOSE_CODES.refused);
  };
  const timer = setTimeout(
    () => refuseAuth(new WaiaasError('OWNER__AUTH_TIMEOUT', { timeoutMs: deps.authTimeoutMs }), undefined),
    deps.authTimeoutMs,
  );

  const expiresAt = iso(deps.now() + deps.authTimeoutMs);
  const identity = deps.identity();
  send({
    type: 'challenge',
    protocol: owner.OWNER_PROTOCOL_VERSION,
    nonce: challenge,
    expiresAt,
    identityKey: Buffer.from(identity.publicKey).toString('base64url'),
    signature: Buffer.from(identity.sign(Buffer.from(owner.challengeTranscript({ nonce: challenge, expiresAt }), 'utf8'))).toString('base64url'),
  });

  function authenticate(frame: z.infer<typeof owner.AuthFrame>) {
    // One answer per challenge: a second auth frame, or one for another connection's challenge, is a replay.
    const expected = challenge;
    challenge = undefined;
    if (expected === undefined || frame.nonce !== expected || deps.now() > Date.parse(expiresAt)) {
      return refuseAuth(new WaiaasError('OWNER__CHALLENGE_REPLAYED'), frame.deviceId);
    }
    const device = deps.devices.get(frame.deviceId);
    if (!device) return refuseAuth(new WaiaasError('OWNER__DEVICE_NOT_FOUND', { deviceId: frame.deviceId }), frame.deviceId);
    if (device.revoked_at !== null) return refuseAuth(new WaiaasError('OWNER__DEVICE_REVOKED', { deviceId: device.id }), device.id);
    if (request.origin !== device.origin) {
      return refuseAuth(new WaiaasError('OWNER__ORIGIN_MISMATCH', { origin: request.origin ?? '' }), device.id);
    }
    const transcript = owner.authTranscript({ nonce: expected, identityKey: Buffer.from(identity.publicKey).toString('base64url'), origin: device.origin });
    if (!deviceSignatureValid(decodeDeviceKey(device.public_key), transcript, frame.signature)) {
      return refuseAuth(new WaiaasError('OWNER__BAD_SIGNATURE', { deviceId: device.id }), device.id);
    }
    clearTimeout(timer);
    deviceId = device.id;
    deps.devices.touch(device.id, deps.now());
    deps.audit.record({ actor: `owner:${device.id}`, action: 'owner.connect', details: { deviceId: device.id } });
    send({ type: 'authenticated', deviceId: device.id, latestSeq: deps.events.latestSeq() });
  }

  function resume(lastSeq: number | null) {
    const latest = deps.events.latestSeq();
    const oldest = deps.events.oldestSeq() ?? latest + 1;
    // Replay only when every event after lastSeq is still kept; otherwise the state, then live events.
    const replayable = lastSeq !== null && lastSeq <= latest && lastSeq + 1 >= oldest;
    if (replayable) {
      cursor = lastSeq;
      flush();
    } else {
      send({ type: 'snapshot', seq: latest, snapshot: deps.snapshot() });
      cursor = latest;
    }
    send({ type: 'synced', seq: cursor });
  }

  function flush() {
    if (cursor === undefined || closed) return;
    for (;;) {
      const batch = deps.events.after(cursor, BATCH);
      for (const stored of batch) {
        send({ type: 'event', seq: stored.seq, at: iso(stored.at), event: stored.event });
        cursor = stored.seq;
      }
      if (batch.length < BATCH) return;
    }
  }

  async function command(type: string, id: string, request: unknown, device: string) {
    const handler = deps.commands[type];
    const actor = `owner:${device}` as const;
    try {
      if (!handler) throw new WaiaasError('OWNER__UNKNOWN_COMMAND', { type });
      const result = await handler.handle(request, { deviceId: device, actor });
      deps.audit.record({ actor, action: 'owner.command', details: { type, id, outcome: 'ok' } });
      send({ type: 'result', id, result });
    } catch (error) {
      const coded = error instanceof WaiaasError ? error : unexpected(error, deps.log);
      deps.audit.record({ actor, action: 'owner.command', details: { type, id, outcome: coded.code } });
      send({ type: 'error', id, error: coded.toResponse().error });
    }
  }

  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (closed) return;
    const parsed = parseOwnerFrame(toBuffer(data), isBinary, deps.commands);
    if (!parsed.ok) return send({ type: 'error', ...(parsed.id !== undefined && { id: parsed.id }), error: parsed.error.toResponse().error });
    if (parsed.kind === 'control' && parsed.frame.type === 'heartbeat') return send({ type: 'heartbeat', at: iso(deps.now()) });
    if (parsed.kind === 'control' && parsed.frame.type === 'auth') return authenticate(parsed.frame);
    const type = parsed.kind === 'control' ? parsed.frame.type : parsed.type;
    if (deviceId === undefined) {
      return send({ type: 'error', ...(parsed.kind === 'command' && { id: parsed.id }), error: new WaiaasError('OWNER__NOT_AUTHENTICATED', { type }).toResponse().error });
    }
    if (parsed.kind === 'control' && parsed.frame.type === 'resume') return resume(parsed.frame.lastSeq);
    if (parsed.kind === 'command') void command(parsed.type, parsed.id, parsed.request, deviceId);
  });
  ws.on('pong', () => {
    alive = true;
  });
  ws.on('error', (error) => deps.log.warn('owner connection error', { error: error.message }));
  ws.on('close', () => {
    closed = true;
    clearTimeout(timer);
  });

  return {
    get deviceId() {
      return deviceId;
    },
    flush,
    refuse,
    heartbeat() {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    },
  };
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

function unexpected(error: unknown, log: Logger): WaiaasError {
  const reference = randomBytes(6).toString('hex');
  log.error('owner command failed unexpectedly', { reference, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  return new WaiaasError('INTERNAL__UNEXPECTED', { reference });
}
