import { type Chain, type admin, WaiaasError } from '@waiaas/protocol';
import type { Db } from '../db/open-database.js';

interface WalletRow {
  id: string;
  name: string;
  chain: Chain;
  network: string;
  address: string;
  created_at: number;
  suspended_at: number | null;
  suspended_reason: string | null;
}

const toWallet = (row: WalletRow): admin.Wallet => ({
  id: row.id,
  name: row.name,
  chain: row.chain,
  network: row.network,
  address: row.address,
  createdAt: new Date(row.created_at).toISOString(),
  suspendedAt: row.suspended_at === null ? null : new Date(row.suspended_at).toISOString(),
  suspendedReason: row.suspended_reason,
});

export interface WalletStore {
  insert(wallet: Omit<admin.Wallet, 'suspendedAt' | 'suspendedReason'>): void;
  list(): admin.Wallet[];
  findById(id: string): admin.Wallet | undefined;
  /** Resolves what a person typed: a wallet id or its name. */
  resolve(idOrName: string): admin.Wallet;
  nameTaken(name: string): boolean;
  /** AutoStop: marks a wallet suspended; false if it already was. */
  suspend(id: string, reason: string, at: number): boolean;
  resume(id: string): boolean;
  count(): number;
}

export function createWalletStore(db: Db): WalletStore {
  const byId = db.prepare<[string], WalletRow>('SELECT * FROM wallets WHERE id = ?');
  const byIdOrName = db.prepare<[string, string], WalletRow>('SELECT * FROM wallets WHERE id = ? OR name = ?');
  return {
    insert(w) {
      db.prepare(
        'INSERT INTO wallets (id, name, chain, network, address, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(w.id, w.name, w.chain, w.network, w.address, Date.parse(w.createdAt));
    },
    list: () => db.prepare<[], WalletRow>('SELECT * FROM wallets ORDER BY created_at, id').all().map(toWallet),
    findById(id) {
      const row = byId.get(id);
      return row && toWallet(row);
    },
    resolve(idOrName) {
      const row = byIdOrName.get(idOrName, idOrName);
      if (!row) throw new WaiaasError('WALLET__NOT_FOUND', { wallet: idOrName });
      return toWallet(row);
    },
    suspend: (id, reason, at) =>
      db.prepare('UPDATE wallets SET suspended_at = ?, suspended_reason = ? WHERE id = ? AND suspended_at IS NULL').run(at, reason, id)
        .changes === 1,
    resume: (id) =>
      db.prepare('UPDATE wallets SET suspended_at = NULL, suspended_reason = NULL WHERE id = ? AND suspended_at IS NOT NULL').run(id)
        .changes === 1,
    nameTaken: (name) => db.prepare('SELECT 1 FROM wallets WHERE name = ?').get(name) !== undefined,
    count: () => db.prepare('SELECT count(*) FROM wallets').pluck().get() as number,
  };
}
