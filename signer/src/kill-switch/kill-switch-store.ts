import type { admin } from '@waiaas/protocol';
import type { Db } from '../db/open-database.js';

type State = admin.KillSwitchStatus['state'];
interface Row {
  state: State;
  changed_at: number;
  actor: string;
  reason: string | null;
}

export interface KillSwitchStore {
  get(): admin.KillSwitchStatus;
  /** Compare-and-swap: changes the state only if it is still `from`. */
  transition(from: State, to: State, change: { at: number; actor: string; reason: string | null }): boolean;
}

export function createKillSwitchStore(db: Db): KillSwitchStore {
  const read = db.prepare<[], Row>('SELECT state, changed_at, actor, reason FROM kill_switch WHERE id = 1');
  return {
    get() {
      const row = read.get();
      if (!row) throw new Error('the kill_switch row is missing: the database was not migrated');
      return { state: row.state, changedAt: new Date(row.changed_at).toISOString(), actor: row.actor, reason: row.reason };
    },
    transition(from, to, { at, actor, reason }) {
      return (
        db
          .prepare('UPDATE kill_switch SET state = ?, changed_at = ?, actor = ?, reason = ? WHERE id = 1 AND state = ?')
          .run(to, at, actor, reason, from).changes === 1
      );
    },
  };
}
