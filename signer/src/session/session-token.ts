import { createHash, type KeyObject, randomBytes } from 'node:crypto';
import { WaiaasError } from '@waiaas/protocol';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';

const ISSUER = 'waiaas-signer';
const AUDIENCE = 'waiaas-agent';

export interface SessionClaims {
  sessionId: string;
  walletId: string;
}

/**
 * Agent session tokens: HS256 JWTs naming the session. The JWT alone never grants access; every
 * request also checks the session row, so revocation and renewal take effect at once.
 */
export async function issueSessionToken(key: KeyObject, claims: SessionClaims, issuedAt: number, expiresAt: number) {
  return new SignJWT({ wal: claims.walletId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sessionId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(issuedAt / 1000))
    .setExpirationTime(Math.ceil(expiresAt / 1000))
    // A random id makes two tokens issued in the same second differ, so their hashes differ.
    .setJti(randomBytes(16).toString('base64url'))
    .sign(key);
}

/** Verifies signature and claims. An expired token is reported as such, naming its session. */
export async function verifySessionToken(key: KeyObject, token: string, now: number): Promise<SessionClaims> {
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: new Date(now),
    });
    if (typeof payload.sub !== 'string' || typeof payload.wal !== 'string') throw new WaiaasError('AUTH__INVALID_TOKEN');
    return { sessionId: payload.sub, walletId: payload.wal };
  } catch (error) {
    // jose checks the signature before the claims, so an expired token's payload is authentic.
    if (error instanceof joseErrors.JWTExpired && typeof error.payload.sub === 'string' && error.payload.exp) {
      throw new WaiaasError('SESSION__EXPIRED', {
        sessionId: error.payload.sub,
        expiredAt: new Date(error.payload.exp * 1000).toISOString(),
      });
    }
    if (error instanceof WaiaasError) throw error;
    throw new WaiaasError('AUTH__INVALID_TOKEN', undefined, { cause: error });
  }
}

/** Only this hash of a token is stored, so a copy of the database grants no session. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
