import { randomBytes } from 'node:crypto';
import { WaiaasError, owner } from '@waiaas/protocol';
import { pairingKey } from './pairing-crypto.js';

/** Wrong proofs a code survives; the fifth burns it. */
export const MAX_PAIRING_ATTEMPTS = 5;
export const MAX_PAIRING_TTL_SECONDS = 600;

interface ActiveCode {
  key: Buffer;
  expiresAt: number;
  attempts: number;
  spent: boolean;
}

export interface PairingCodes {
  /** A fresh code; any earlier one stops working. Returns the code, shown once, and its expiry. */
  create(ttlSeconds: number): { code: string; expiresAt: number };
  /**
   * Runs `check` with the active code's HMAC key. A true result spends the code (single use); a
   * false one counts an attempt and burns the code at the fifth. Throws the coded reason otherwise.
   */
  redeem<T>(check: (key: Buffer) => T | undefined): T;
}

/**
 * One pairing code at a time, in memory only, kept as its HKDF-derived key (a restart forgets it,
 * which only means running `waiaas pair` again).
 */
export function createPairingCodes(now: () => number): PairingCodes {
  let active: ActiveCode | undefined;
  return {
    create(ttlSeconds) {
      const ttl = Math.min(Math.max(1, ttlSeconds), MAX_PAIRING_TTL_SECONDS);
      const code = owner.pairingCodeFromBytes(randomBytes(owner.PAIRING_CODE_BYTES));
      active?.key.fill(0);
      const expiresAt = now() + ttl * 1000;
      active = { key: pairingKey(owner.normalizePairingCode(code) ?? ''), expiresAt, attempts: 0, spent: false };
      return { code, expiresAt };
    },
    redeem(check) {
      if (!active) throw new WaiaasError('PAIRING__NO_ACTIVE_CODE');
      if (active.spent) throw new WaiaasError('PAIRING__CODE_USED');
      if (now() >= active.expiresAt) throw new WaiaasError('PAIRING__CODE_EXPIRED', { expiredAt: new Date(active.expiresAt).toISOString() });
      const result = check(active.key);
      if (result !== undefined) {
        active.spent = true;
        active.key.fill(0);
        return result;
      }
      active.attempts += 1;
      if (active.attempts >= MAX_PAIRING_ATTEMPTS) {
        active.spent = true;
        active.key.fill(0);
        throw new WaiaasError('PAIRING__TOO_MANY_ATTEMPTS', { attempts: active.attempts });
      }
      throw new WaiaasError('PAIRING__CODE_MISMATCH', { attemptsLeft: MAX_PAIRING_ATTEMPTS - active.attempts });
    },
  };
}
