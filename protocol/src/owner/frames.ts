import { z } from 'zod';
import { Id, Timestamp } from '../common/ids.js';
import { ErrorBody } from '../errors/waiaas-error.js';
import { OwnerEventFrame, OwnerSnapshot } from './events.js';
import { FrameId } from './commands.js';
import { IdentityKey, Nonce } from './pairing-schemas.js';

/*
 * Frames of the Owner WebSocket, JSON text, each with a `type`. The connection goes: signer sends
 * `challenge`; device answers `auth`; signer says `authenticated`; device sends `resume` with the
 * last seq it saw; signer replays what was missed (or sends a `snapshot`), then `synced`, then
 * live `event`s. Commands may follow `authenticated`.
 */

const signature = z.string().regex(/^[A-Za-z0-9_-]{40,200}$/, 'must be base64url');

// ── signer → device ──
export const ChallengeFrame = z.object({
  type: z.literal('challenge'),
  protocol: z.literal('1'),
  nonce: Nonce,
  expiresAt: Timestamp,
  identityKey: IdentityKey,
  /** Ed25519 by the identity key over challengeTranscript: the device checks it against the key it pinned. */
  signature,
});
export const AuthenticatedFrame = z.object({ type: z.literal('authenticated'), deviceId: Id, latestSeq: z.number().int().nonnegative() });
export const SnapshotFrame = z.object({ type: z.literal('snapshot'), seq: z.number().int().nonnegative(), snapshot: OwnerSnapshot });
/** Everything missed has been sent; live events follow. */
export const SyncedFrame = z.object({ type: z.literal('synced'), seq: z.number().int().nonnegative() });
export const ResultFrame = z.object({ type: z.literal('result'), id: FrameId, result: z.record(z.string(), z.unknown()) });
/** The same `{ code, message, context }` as an HTTP error body; `id` when it answers a command. */
export const ErrorFrame = z.object({ type: z.literal('error'), id: FrameId.optional(), error: ErrorBody });
export const HeartbeatFrame = z.strictObject({ type: z.literal('heartbeat'), at: Timestamp });

export const OwnerServerFrame = z.discriminatedUnion('type', [
  ChallengeFrame,
  AuthenticatedFrame,
  SnapshotFrame,
  SyncedFrame,
  OwnerEventFrame,
  ResultFrame,
  ErrorFrame,
  HeartbeatFrame,
]);
export type OwnerServerFrame = z.infer<typeof OwnerServerFrame>;

// ── device → signer ──
export const AuthFrame = z.strictObject({
  type: z.literal('auth'),
  deviceId: Id,
  nonce: Nonce,
  /** By the device key over authTranscript (ECDSA as IEEE P1363 r‖s, as WebCrypto makes it). */
  signature,
});
export const ResumeFrame = z.strictObject({
  type: z.literal('resume'),
  /** The last seq the device processed; null when it has none (first connection). */
  lastSeq: z.number().int().nonnegative().nullable(),
});

/**
 * Frames that are not commands. A browser cannot send WebSocket pings, so `heartbeat` is how an
 * extension keeps its side alive; the signer answers with one.
 */
export const OwnerControlFrame = z.discriminatedUnion('type', [AuthFrame, ResumeFrame, HeartbeatFrame]);
export type OwnerControlFrame = z.infer<typeof OwnerControlFrame>;
export const OWNER_CONTROL_TYPES = ['auth', 'resume', 'heartbeat'] as const;

/** Largest frame a device may send; larger ones are refused with OWNER__FRAME_TOO_LARGE. */
export const OWNER_MAX_FRAME_BYTES = 64 * 1024;

/** Close codes (4000–4999 are the application's); the close reason is the error code. */
export const OWNER_CLOSE_CODES = { refused: 4401, revoked: 4403, timeout: 4408 } as const;
