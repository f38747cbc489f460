import { WaiaasError } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { createWalletStore } from '../wallet/wallet-store.js';
import { auditedDb, SESSION_A, START, tamper, WALLET } from './audit-fixture.js';
import { createAuditStore } from './audit-store.js';
import { listAuditEntries } from './list-audit-entries.js';

function setup(count: number) {
  const { db, audit } = auditedDb(count);
  const wallets = createWalletStore(db);
  wallets.insert({ id: WALLET, name: 'trader', chain: 'solana', network: 'solana-devnet', address: 'addr', createdAt: new Date(START).toISOString() });
  audit.record({ actor: 'master', action: 'home.init' });
  const list = (query: Parameters<typeof listAuditEntries>[1] = {}) => listAuditEntries({ store: createAuditStore(db), wallets }, query);
  return { db, list };
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('listAuditEntries', () => {
  it('lists newest first, with ISO times, parsed details, the wallet name and the hashes', () => {
    const { list } = setup(2);
    const entries = list();
    expect(entries.map((e) => e.seq)).toEqual([3, 2, 1]);
    expect(entries[1]).toEqual({
      seq: 2,
      at: iso(START + 1000),
      actor: `session:${SESSION_A}`,
      action: 'session.use',
      walletId: WALLET,
      walletName: 'trader',
      sessionId: SESSION_A,
      details: { n: 2 },
      prevHash: entries[2]?.entryHash,
      entryHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('filters by wallet id or name, session, action and an inclusive time range, and limits', () => {
    const { list } = setup(6);
    expect(list({ wallet: 'trader' })).toHaveLength(6);
    expect(list({ wallet: WALLET })).toHaveLength(6);
    expect(list({ session: SESSION_A }).map((e) => e.seq)).toEqual([6, 4, 2]);
    expect(list({ action: 'home.init' }).map((e) => e.seq)).toEqual([7]);
    expect(list({ since: iso(START + 1000), until: iso(START + 3000) }).map((e) => e.seq)).toEqual([4, 3, 2]);
    expect(list({ session: SESSION_A, since: iso(START + 2000) }).map((e) => e.seq)).toEqual([6, 4]);
    expect(list({ limit: 2 }).map((e) => e.seq)).toEqual([7, 6]);
    expect(list({ action: 'wallet.create' })).toEqual([]);
  });

  it('refuses a wallet it does not know', () => {
    const { list } = setup(1);
    expect(() => list({ wallet: 'nobody' })).toThrow(new WaiaasError('WALLET__NOT_FOUND', { wallet: 'nobody' }));
  });

  it('shows details that no longer parse as they are stored', () => {
    const { db, list } = setup(1);
    tamper(db, "UPDATE audit_log SET details = '{broken' WHERE seq = 1");
    expect(list({ limit: 1, action: 'session.use' })[0]?.details).toBe('{broken');
  });
});
