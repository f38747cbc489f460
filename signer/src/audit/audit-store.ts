import type { Db } from '../db/open-database.js';

/** An audit_log row as stored. */
export interface AuditRow {
  seq: number;
  at: number;
  actor: string;
  action: string;
  wallet_id: string | null;
  session_id: string | null;
  details: string;
  prev_hash: string | null;
  entry_hash: string | null;
}

export interface AuditFilter {
  walletId?: string;
  sessionId?: string;
  action?: string;
  /** Inclusive bounds, milliseconds since the epoch. */
  since?: number;
  until?: number;
  limit: number;
}

export interface AuditStore {
  /**
   * The seq the next entry gets, as AUTOINCREMENT would pick it: after the highest ever handed
   * out, so entries cut from the end leave a gap the next entry shows.
   */
  nextSeq(): number;
  /** entry_hash of the newest chained entry; undefined while no entry is chained. */
  lastHash(): string | undefined;
  insert(row: AuditRow): void;
  /** Every row in seq order, streamed: the log can be long. */
  rows(): IterableIterator<AuditRow>;
  /** The seq of the row holding `hash` as its entry_hash, if any. */
  seqOfEntryHash(hash: string): number | undefined;
  /** The row at `seq`: undefined if there is none, null entry_hash for an unchained one. */
  entryHashAt(seq: number): { entry_hash: string | null } | undefined;
  /** How many rows the log holds up to and including `seq`: the N of a checkpoint's message. */
  countThrough(seq: number): number;
  /** Newest first, with the wallet's name. */
  list(filter: AuditFilter): (AuditRow & { wallet_name: string | null })[];
}

export function createAuditStore(db: Db): AuditStore {
  const nextSeq = db
    .prepare<[], number>(
      `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'), 0),
                  coalesce((SELECT max(seq) FROM audit_log), 0)) + 1`,
    )
    .pluck();
  const lastHash = db
    .prepare<[], string>('SELECT entry_hash FROM audit_log WHERE entry_hash IS NOT NULL ORDER BY seq DESC LIMIT 1')
    .pluck();
  const insert = db.prepare<[AuditRow]>(
    `INSERT INTO audit_log (seq, at, actor, action, wallet_id, session_id, details, prev_hash, entry_hash)
     VALUES (@seq, @at, @actor, @action, @wallet_id, @session_id, @details, @prev_hash, @entry_hash)`,
  );
  const rows = db.prepare<[], AuditRow>(
    'SELECT seq, at, actor, action, wallet_id, session_id, details, prev_hash, entry_hash FROM audit_log ORDER BY seq',
  );
  const seqOfEntryHash = db.prepare<[string], number>('SELECT seq FROM audit_log WHERE entry_hash = ? LIMIT 1').pluck();
  const entryHashAt = db.prepare<[number], { entry_hash: string | null }>('SELECT entry_hash FROM audit_log WHERE seq = ?');
  const countThrough = db.prepare<[number], number>('SELECT count(*) FROM audit_log WHERE seq <= ?').pluck();
  return {
    nextSeq: () => nextSeq.get() ?? 1,
    lastHash: () => lastHash.get(),
    insert: (row) => void insert.run(row),
    rows: () => rows.iterate(),
    seqOfEntryHash: (hash) => seqOfEntryHash.get(hash),
    entryHashAt: (seq) => entryHashAt.get(seq),
    countThrough: (seq) => countThrough.get(seq) ?? 0,
    list: (filter) => listRows(db, filter),
  };
}

function listRows(db: Db, filter: AuditFilter): (AuditRow & { wallet_name: string | null })[] {
  const conditions: [condition: string, value: string | number | undefined][] = [
    ['a.wallet_id = @walletId', filter.walletId],
    ['a.session_id = @sessionId', filter.sessionId],
    ['a.action = @action', filter.action],
    ['a.at >= @since', filter.since],
    ['a.at <= @until', filter.until],
  ];
  const used = conditions.filter(([, value]) => value !== undefined);
  const where = used.length > 0 ? `WHERE ${used.map(([sql]) => sql).join(' AND ')}` : '';
  // Only the parameters the statement names: better-sqlite3 refuses unknown ones.
  const params = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
  return db
    .prepare<[Record<string, unknown>], AuditRow & { wallet_name: string | null }>(
      `SELECT a.*, w.name AS wallet_name FROM audit_log a LEFT JOIN wallets w ON w.id = a.wallet_id
       ${where} ORDER BY a.seq DESC LIMIT @limit`,
    )
    .all(params);
}
