import { createSecretKey, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isWaiaasError, type WaiaasError } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { createAuditLog } from '../audit/audit-log.js';
import { openDatabase } from '../db/open-database.js';
import { createWalletStore } from '../wallet/wallet-store.js';
import { authenticateSession } from './authenticate-session.js';
import { createSession } from './create-session.js';
import { renewSession } from './renew-session.js';
import { revokeSession } from './revoke-session.js';
import { createSessionStore } from './session-store.js';
import { createReservationStore } from '../policy/reservation-store.js';
import { sessionSpent } from '../policy/session-budget.js';

const HOUR = 3_600_000;

function setup(policy: Partial<{ maxRenewals: number; absoluteLifetimeSeconds: number }> = {}) {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'waiaas-session-')), 'db.sqlite'));
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const key = createSecretKey(randomBytes(32));
  const wallets = createWalletStore(db);
  const reservations = createReservationStore(db);
  wallets.insert({ id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', name: 'w', chain: 'solana', network: 'solana-devnet', address: 'addr', createdAt: new Date(clock).toISOString() });
  const deps = {
    sessions: createSessionStore(db),
    wallets,
    audit: createAuditLog(db, { auditKey: () => key }),
    tokenKey: () => key,
    now: () => clock,
    policy: { defaultTtlSeconds: 3600, maxTtlSeconds: 30 * 86_400, maxRenewals: 2, absoluteLifetimeSeconds: 3 * 3600, ...policy },
    spentOf: (sessionId: string) => sessionSpent(reservations, sessionId),
  };
  return { deps, db, advance: (ms: number) => (clock += ms) };
}

async function failure(promise: Promise<unknown>): Promise<WaiaasError> {
  try {
    await promise;
  } catch (error) {
    if (isWaiaasError(error)) return error;
    throw error;
  }
  throw new Error('expected a WaiaasError');
}

describe('session lifecycle', () => {
  it('a renewed session lives a full TTL from the renewal, and the old token dies', async () => {
    const { deps, advance } = setup();
    const { session, token } = await createSession(deps, { wallet: 'w' });
    advance(HOUR / 2);
    const caller = await authenticateSession(deps, token);
    const renewed = await renewSession(deps, caller, session.id);
    expect(renewed.expiresAt).toBe('2026-01-01T01:30:00.000Z');
    expect((await failure(authenticateSession(deps, token))).code).toBe('SESSION__TOKEN_SUPERSEDED');
    expect((await authenticateSession(deps, renewed.token)).row.renew_count).toBe(1);
  });

  it('refuses renewal before half the TTL, naming the moment it becomes possible', async () => {
    const { deps, advance } = setup();
    const { session, token } = await createSession(deps, { wallet: 'w' });
    advance(HOUR / 2 - 1);
    const error = await failure(renewSession(deps, await authenticateSession(deps, token), session.id));
    expect(error.message).toBe(`Session ${session.id} can be renewed from 2026-01-01T00:30:00.000Z (half of its TTL), not before.`);
  });

  it('stops at the renewal cap', async () => {
    const { deps, advance } = setup({ maxRenewals: 2, absoluteLifetimeSeconds: 30 * 86_400 });
    let { session, token } = await createSession(deps, { wallet: 'w' });
    for (let i = 0; i < 2; i++) {
      advance(HOUR / 2);
      token = (await renewSession(deps, await authenticateSession(deps, token), session.id)).token;
    }
    advance(HOUR / 2);
    const error = await failure(renewSession(deps, await authenticateSession(deps, token), session.id));
    expect(error.code).toBe('SESSION__RENEWAL_LIMIT_REACHED');
    expect(session.maxRenewals).toBe(2);
  });

  it('never extends a session past its absolute lifetime', async () => {
    const { deps, advance } = setup({ maxRenewals: 100, absoluteLifetimeSeconds: 90 * 60 });
    const { session, token: first } = await createSession(deps, { wallet: 'w' });
    advance(40 * 60_000);
    const second = await renewSession(deps, await authenticateSession(deps, first), session.id);
    expect(second.expiresAt).toBe('2026-01-01T01:30:00.000Z');
    advance(40 * 60_000);
    const error = await failure(renewSession(deps, await authenticateSession(deps, second.token), session.id));
    expect(error.message).toBe(
      `Session ${session.id} cannot live past 2026-01-01T01:30:00.000Z; ask the Owner for a new session.`,
    );
  });

  it('expires on time, checked against the database', async () => {
    const { deps, advance } = setup();
    const { token } = await createSession(deps, { wallet: 'w', ttlSeconds: 60 });
    advance(59_999);
    await authenticateSession(deps, token);
    advance(1);
    expect((await failure(authenticateSession(deps, token))).code).toBe('SESSION__EXPIRED');
  });

  it('revocation is immediate and audited once', async () => {
    const { deps, db } = setup();
    const { session, token } = await createSession(deps, { wallet: 'w' });
    revokeSession(deps, session.id);
    expect(revokeSession(deps, session.id)).toMatchObject({ id: session.id, status: 'revoked', spent: '0' });
    expect((await failure(authenticateSession(deps, token))).code).toBe('SESSION__REVOKED');
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'session.revoke'").pluck().get()).toBe(1);
  });

  it('stores only the hash of the token', async () => {
    const { deps, db } = setup();
    const { token } = await createSession(deps, { wallet: 'w' });
    const dump = JSON.stringify(db.prepare('SELECT * FROM sessions').all()) + JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(token.split('.')[2]);
  });

  it('refuses a max-per-tx above max-total', async () => {
    const { deps } = setup();
    const error = await failure(createSession(deps, { wallet: 'w', maxPerTx: '10', maxTotal: '5' }));
    expect(error.message).toBe('Amount "10" is invalid: max-per-tx exceeds max-total.');
  });
});
