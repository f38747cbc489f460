import type { Chain } from '@waiaas/protocol';
import type { Db } from '../db/open-database.js';

/**
 * NONE: nobody can answer an APPROVAL, so it becomes a DELAY. GRACE: an address was set from the CLI
 * and the master may still change it. LOCKED: the Owner signed once with that address; from then on
 * only the Owner's own signature replaces it.
 */
export type OwnerState = 'NONE' | 'GRACE' | 'LOCKED';

export interface Owner {
  chain: Chain;
  address: string;
  state: Exclude<OwnerState, 'NONE'>;
  setAt: number;
  lockedAt: number | null;
}

interface Row {
  chain: Chain;
  address: string;
  state: Owner['state'];
  set_at: number;
  locked_at: number | null;
}

export interface OwnerStore {
  get(): Owner | undefined;
  state(): OwnerState;
  /** Sets the Owner in GRACE (replacing any), or LOCKED when the change was signed. */
  put(owner: { chain: Chain; address: string }, state: Owner['state'], now: number): void;
  /** GRACE → LOCKED for this very address; false if the Owner changed meanwhile. */
  lock(address: string, now: number): boolean;
  clear(): void;
}

export function createOwnerStore(db: Db): OwnerStore {
  const read = db.prepare<[], Row>('SELECT chain, address, state, set_at, locked_at FROM owner WHERE id = 1');
  const get = (): Owner | undefined => {
    const row = read.get();
    return row && { chain: row.chain, address: row.address, state: row.state, setAt: row.set_at, lockedAt: row.locked_at };
  };
  return {
    get,
    state: () => get()?.state ?? 'NONE',
    put(owner, state, now) {
      db.prepare(
        `INSERT INTO owner (id, chain, address, state, set_at, locked_at) VALUES (1, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET chain = excluded.chain, address = excluded.address, state = excluded.state,
           set_at = excluded.set_at, locked_at = excluded.locked_at`,
      ).run(owner.chain, owner.address, state, now, state === 'LOCKED' ? now : null);
    },
    lock: (address, now) =>
      db.prepare(`UPDATE owner SET state = 'LOCKED', locked_at = ? WHERE id = 1 AND address = ? AND state = 'GRACE'`).run(now, address)
        .changes === 1,
    clear: () => void db.prepare('DELETE FROM owner WHERE id = 1').run(),
  };
}
