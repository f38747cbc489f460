import type { owner } from '@waiaas/protocol';
import type { Db } from '../db/open-database.js';

export interface StoredOwnerEvent {
  seq: number;
  at: number;
  event: owner.OwnerEventBody;
}

export interface OwnerEventStore {
  append(event: owner.OwnerEventBody, at: number): number;
  /** Events after `seq`, oldest first, at most `limit`. */
  after(seq: number, limit: number): StoredOwnerEvent[];
  latestSeq(): number;
  /** Lowest seq still kept, or undefined when none is. */
  oldestSeq(): number | undefined;
}

/** The owner_events table. Keeps the newest `retain` events; older ones are deleted as new ones come. */
export function createOwnerEventStore(db: Db, retain: number): OwnerEventStore {
  const insert = db.prepare('INSERT INTO owner_events (at, kind, event) VALUES (?, ?, ?)');
  const prune = db.prepare('DELETE FROM owner_events WHERE seq <= ?');
  const after = db.prepare<[number, number], { seq: number; at: number; event: string }>(
    'SELECT seq, at, event FROM owner_events WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  // sqlite_sequence remembers the highest seq ever handed out, even after pruning emptied the table.
  const latest = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'owner_events'").pluck();
  const oldest = db.prepare('SELECT min(seq) FROM owner_events').pluck();
  return {
    append(event, at) {
      const seq = Number(insert.run(at, event.kind, JSON.stringify(event)).lastInsertRowid);
      if (seq > retain) prune.run(seq - retain);
      return seq;
    },
    after: (seq, limit) =>
      after.all(seq, limit).map((row) => ({ seq: row.seq, at: row.at, event: JSON.parse(row.event) as owner.OwnerEventBody })),
    latestSeq: () => (latest.get() as number | undefined) ?? 0,
    oldestSeq: () => (oldest.get() as number | null) ?? undefined,
  };
}
