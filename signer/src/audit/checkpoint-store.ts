import type { Chain } from '@waiaas/protocol';
import type { Db } from '../db/open-database.js';

/** An Owner-signed checkpoint as stored: what its message is rendered from, and the signature. */
export interface CheckpointRow {
  seq: number;
  entry_hash: string;
  entries: number;
  nonce: string;
  issued_at: number;
  expires_at: number;
  owner_chain: Chain;
  owner_address: string;
  signature: string;
  signed_at: number;
}

export interface CheckpointStore {
  insert(row: CheckpointRow): void;
  /** Oldest checkpointed seq first. */
  all(): CheckpointRow[];
}

export function createCheckpointStore(db: Db): CheckpointStore {
  const insert = db.prepare<[CheckpointRow]>(
    `INSERT INTO audit_checkpoints (seq, entry_hash, entries, nonce, issued_at, expires_at, owner_chain, owner_address, signature, signed_at)
     VALUES (@seq, @entry_hash, @entries, @nonce, @issued_at, @expires_at, @owner_chain, @owner_address, @signature, @signed_at)`,
  );
  const all = db.prepare<[], CheckpointRow>(
    `SELECT seq, entry_hash, entries, nonce, issued_at, expires_at, owner_chain, owner_address, signature, signed_at
     FROM audit_checkpoints ORDER BY seq, id`,
  );
  return {
    insert: (row) => void insert.run(row),
    all: () => all.all(),
  };
}
