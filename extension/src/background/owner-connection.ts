/// <reference lib="dom" />
import { owner } from '@waiaas/protocol';
import type { CompanionError, ConnectionState, PairingInfo } from '../port/messages.js';
import { backoffDelay } from './backoff.js';
import { createCommandTracker, type CommandTracker } from './command-tracker.js';
import { companionFailure } from './companion-failure.js';
import type { DeviceKey } from './device-keys.js';
import { answerChallenge, challengeIsFromPinnedSigner } from './owner-handshake.js';
import type { OpenSocket, SocketHandle } from './owner-socket.js';
import { parseSignerUrl } from './signer-url.js';

/** Frames that change what the Owner sees, handed on in order once authenticated. */
export type SyncFrame = Extract<owner.OwnerServerFrame, { type: 'snapshot' | 'event' | 'synced' }>;

export interface ConnectionStatus {
  connection: ConnectionState;
  lastError: CompanionError | null;
  retryAt: string | null;
}

export interface OwnerConnectionDeps {
  openSocket: OpenSocket;
  subtle: SubtleCrypto;
  pairing(): Promise<PairingInfo | null>;
  deviceKey(): Promise<DeviceKey | null>;
  extensionOrigin: string;
  /** The last seq applied (null: nothing cached, ask for a snapshot). */
  lastSeq(): number | null;
  onStatus(status: ConnectionStatus): void;
  onFrame(frame: SyncFrame): void;
  random: () => number;
  now: () => number;
}

export interface OwnerConnection {
  /** Connects if paired and not already connected or connecting; clears a previous refusal. */
  start(): void;
  /** Closes for good (after unpairing): no retry. */
  stop(): void;
  /** From the alarm: reconnect now if waiting out a backoff, drop a connection gone silent. */
  wake(): void;
  command: CommandTracker['send'];
  status(): ConnectionStatus;
}

/** Chrome 116+ keeps a service worker alive while its WebSocket has traffic at least every 30 s. */
export const HEARTBEAT_MS = 20_000;
/** Nothing heard for this long (the signer answers every heartbeat): the connection is dead. */
export const SILENCE_LIMIT_MS = 50_000;
/**
 * Refusals that retrying cannot fix: the device was revoked or is unknown, or its key or origin do
 * not match what was paired. The signer closes with 4401 and the error code as the reason.
 */
const PERMANENT_REFUSALS = new Set(['OWNER__DEVICE_REVOKED', 'OWNER__DEVICE_NOT_FOUND', 'OWNER__ORIGIN_MISMATCH', 'OWNER__BAD_SIGNATURE']);

/**
 * The one WebSocket to the signer: challenge (checked against the pinned identity key) → auth →
 * resume → snapshot or replayed events → synced → live events. Heartbeats keep it (and Chrome's
 * service worker) alive; a lost connection is retried with backoff; a refusal is final.
 */
export function createOwnerConnection(deps: OwnerConnectionDeps): OwnerConnection {
  let status: ConnectionStatus = { connection: 'connecting', lastError: null, retryAt: null };
  let socket: SocketHandle | null = null;
  let generation = 0;
  let authenticated = false;
  let opening = false;
  let halted = false;
  let attempt = 0;
  let lastHeard = 0;
  let refusal: CompanionError | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  let commandCounter = 0;

  const setStatus = (next: ConnectionStatus) => {
    status = next;
    deps.onStatus(next);
  };
  const transmit = (frame: Record<string, unknown>) => socket?.send(JSON.stringify(frame));
  const tracker = createCommandTracker({
    transmit,
    nextId: () => `c${++commandCounter}-${Math.floor(deps.random() * 1e9).toString(36)}`,
  });

  async function connect(): Promise<void> {
    if (socket || opening || halted) return;
    opening = true;
    clearTimeout(retryTimer);
    try {
      const [pairing, key] = await Promise.all([deps.pairing(), deps.deviceKey()]);
      if (!pairing || !key) return setStatus({ connection: 'unpaired', lastError: null, retryAt: null });
      if (halted) return;
      const gen = ++generation;
      setStatus({ connection: 'connecting', lastError: status.lastError, retryAt: null });
      refusal = null;
      lastHeard = deps.now();
      // Frames are handled one at a time, in order: the challenge check is asynchronous.
      let queue = Promise.resolve();
      socket = deps.openSocket(parseSignerUrl(pairing.signerUrl).wsUrl, {
        open: () => undefined,
        message: (data) => {
          if (gen !== generation) return;
          lastHeard = deps.now();
          const frame = parseFrame(data);
          if (frame) queue = queue.then(() => (gen === generation ? handle(frame, pairing, key) : undefined));
        },
        close: (code, reason) => {
          if (gen === generation) closed(code, reason);
        },
      });
    } finally {
      opening = false;
    }
  }

  async function handle(frame: owner.OwnerServerFrame, pairing: PairingInfo, key: DeviceKey): Promise<void> {
    switch (frame.type) {
      case 'challenge':
        if (!(await challengeIsFromPinnedSigner(deps.subtle, pairing.identityKey, frame))) {
          return refuse(companionFailure('COMPANION__IDENTITY_MISMATCH').toCompanionError());
        }
        return transmit(await answerChallenge(key, pairing, deps.extensionOrigin, frame));
      case 'authenticated':
        authenticated = true;
        startHeartbeat();
        return transmit({ type: 'resume', lastSeq: deps.lastSeq() });
      case 'synced':
        attempt = 0;
        setStatus({ connection: 'connected', lastError: null, retryAt: null });
        return deps.onFrame(frame);
      case 'snapshot':
      case 'event':
        return deps.onFrame(frame);
      case 'result':
        tracker.settle(frame);
        return;
      case 'error':
        // An error without an id is the reason for the close that follows (refused auth, bad frame).
        if (!tracker.settle(frame)) refusal = { code: frame.error.code, message: frame.error.message };
        return;
      case 'heartbeat':
        return;
    }
  }

  /** Refused on our side (the signer is not the one we paired with): close and never retry. */
  function refuse(error: CompanionError) {
    halted = true;
    const current = socket;
    drop();
    current?.close(1000, error.code);
    setStatus({ connection: 'refused', lastError: error, retryAt: null });
  }

  function closed(code: number, reason: string) {
    drop();
    if (halted) return;
    const error = refusal ?? companionFailure('COMPANION__CONNECTION_CLOSED', { code, reason }).toCompanionError();
    if (code === owner.OWNER_CLOSE_CODES.revoked || (code === owner.OWNER_CLOSE_CODES.refused && PERMANENT_REFUSALS.has(reason))) {
      halted = true;
      return setStatus({ connection: 'refused', lastError: error, retryAt: null });
    }
    attempt++;
    const delay = backoffDelay(attempt, deps.random);
    retryTimer = setTimeout(() => void connect(), delay);
    setStatus({ connection: 'disconnected', lastError: error, retryAt: new Date(deps.now() + delay).toISOString() });
  }

  /** Forgets the current socket: its late events are ignored from here on. */
  function drop() {
    generation++;
    socket = null;
    authenticated = false;
    clearInterval(heartbeatTimer);
    tracker.failAll(companionFailure('COMPANION__CONNECTION_LOST'));
  }

  function startHeartbeat() {
    clearInterval(heartbeatTimer);
    heartbeatTimer = setInterval(() => {
      if (deps.now() - lastHeard > SILENCE_LIMIT_MS) return silent();
      transmit({ type: 'heartbeat', at: new Date(deps.now()).toISOString() });
    }, HEARTBEAT_MS);
  }

  /** A connection that stopped answering may take minutes to report its close: give up on it now. */
  function silent() {
    const current = socket;
    if (!current) return;
    closed(4000, 'no answer to heartbeats');
    current.close(4000, 'no answer to heartbeats');
  }

  return {
    start() {
      halted = false;
      void connect();
    },
    stop() {
      halted = true;
      clearTimeout(retryTimer);
      const current = socket;
      drop();
      current?.close(1000, 'unpaired');
      setStatus({ connection: 'unpaired', lastError: null, retryAt: null });
    },
    wake() {
      if (socket && authenticated && deps.now() - lastHeard > SILENCE_LIMIT_MS) silent();
      if (!socket) void connect();
    },
    command(type, fields, timeoutMs) {
      if (!socket || !authenticated) return Promise.reject(companionFailure('COMPANION__NOT_CONNECTED'));
      return tracker.send(type, fields, timeoutMs);
    },
    status: () => status,
  };
}

function parseFrame(data: unknown): owner.OwnerServerFrame | undefined {
  if (typeof data !== 'string') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return undefined;
  }
  // A frame this build does not know (an event kind from a newer signer) is skipped, as the protocol asks.
  const parsed = owner.OwnerServerFrame.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

