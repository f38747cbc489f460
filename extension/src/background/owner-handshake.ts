/// <reference lib="dom" />
import { owner } from '@waiaas/protocol';
import type { z } from 'zod';
import type { PairingInfo } from '../port/messages.js';
import { fromBase64Url, utf8 } from './base64url.js';
import type { DeviceKey } from './device-keys.js';

type ChallengeFrame = z.infer<typeof owner.ChallengeFrame>;
type AuthFrame = z.infer<typeof owner.AuthFrame>;

/**
 * Whether the challenge comes from the signer pinned at pairing: same identity key, and a valid
 * Ed25519 signature by it over the challenge. Anything else listening on that port (another
 * program, a replaced signer home) fails here, before the device says a word.
 */
export async function challengeIsFromPinnedSigner(subtle: SubtleCrypto, pinnedIdentityKey: string, challenge: ChallengeFrame): Promise<boolean> {
  if (challenge.identityKey !== pinnedIdentityKey) return false;
  try {
    const key = await subtle.importKey('raw', fromBase64Url(pinnedIdentityKey), { name: 'Ed25519' }, false, ['verify']);
    const transcript = owner.challengeTranscript({ nonce: challenge.nonce, expiresAt: challenge.expiresAt });
    return await subtle.verify({ name: 'Ed25519' }, key, fromBase64Url(challenge.signature), utf8(transcript));
  } catch {
    return false;
  }
}

/** The answer to a challenge: the device key signs the nonce, the pinned signer and our origin. */
export async function answerChallenge(key: DeviceKey, pairing: PairingInfo, origin: string, challenge: ChallengeFrame): Promise<AuthFrame> {
  const transcript = owner.authTranscript({ nonce: challenge.nonce, identityKey: pairing.identityKey, origin });
  return { type: 'auth', deviceId: pairing.deviceId, nonce: challenge.nonce, signature: await key.sign(utf8(transcript)) };
}
