import { createSecretKey, randomBytes } from 'node:crypto';
import { WaiaasError } from '@waiaas/protocol';
import { jwtVerify, SignJWT } from 'jose';
import type { AuditLog } from '../audit/audit-log.js';

const AUDIENCE = 'waiaas-admin';
const FREE_ATTEMPTS = 5;
const MAX_LOCKOUT_SECONDS = 300;

export interface MasterAuth {
  /** Trades the master password for a short-lived admin token. Runs Argon2 once. */
  login(password: string): Promise<{ token: string; expiresAt: string }>;
  verify(token: string): Promise<void>;
}

/**
 * Master authentication for the admin API. The password is checked once per login, never per
 * request; the resulting token is signed with a key that lives only in this process, so a restart
 * invalidates every admin token. Logins run one at a time (each Argon2 run takes 64 MiB) and
 * repeated failures lock logins out with exponential backoff.
 */
export function createMasterAuth(deps: {
  verifyPassword: (password: Buffer) => Promise<boolean>;
  audit: AuditLog;
  tokenTtlSeconds: number;
  now: () => number;
}): MasterAuth {
  const key = createSecretKey(randomBytes(32));
  let failures = 0;
  let lockedUntil = 0;
  let queue: Promise<unknown> = Promise.resolve();

  async function check(password: string) {
    const now = deps.now();
    if (now < lockedUntil) {
      throw new WaiaasError('ADMIN__TOO_MANY_ATTEMPTS', { retryAfterSeconds: Math.ceil((lockedUntil - now) / 1000) });
    }
    const buffer = Buffer.from(password, 'utf8');
    let ok: boolean;
    try {
      ok = await deps.verifyPassword(buffer);
    } finally {
      buffer.fill(0);
    }
    if (!ok) {
      failures += 1;
      if (failures >= FREE_ATTEMPTS) {
        lockedUntil = deps.now() + Math.min(2 ** (failures - FREE_ATTEMPTS), MAX_LOCKOUT_SECONDS) * 1000;
      }
      deps.audit.record({ actor: 'master', action: 'admin.login_failed', details: { consecutiveFailures: failures } });
      throw new WaiaasError('KEYSTORE__WRONG_PASSWORD');
    }
    failures = 0;
    const expiresAt = deps.now() + deps.tokenTtlSeconds * 1000;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience(AUDIENCE)
      .setExpirationTime(Math.floor(expiresAt / 1000))
      .sign(key);
    deps.audit.record({ actor: 'master', action: 'admin.login' });
    return { token, expiresAt: new Date(expiresAt).toISOString() };
  }

  return {
    login(password) {
      const attempt = queue.then(() => check(password));
      queue = attempt.catch(() => undefined);
      return attempt;
    },
    async verify(token) {
      try {
        await jwtVerify(token, key, { algorithms: ['HS256'], audience: AUDIENCE, currentDate: new Date(deps.now()) });
      } catch (error) {
        throw new WaiaasError('ADMIN__INVALID_TOKEN', undefined, { cause: error });
      }
    },
  };
}
