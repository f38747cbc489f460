import type { Db } from '../db/open-database.js';

export type ApprovalStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'EXPIRED' | 'CANCELLED';

export interface ApprovalRow {
  id: string;
  transaction_id: string;
  status: ApprovalStatus;
  content_digest: string;
  approve_nonce: string;
  reject_nonce: string;
  issued_at: number;
  expires_at: number;
  decided_at: number | null;
  decided_by: string | null;
  simulation: string | null;
  created_at: number;
}

export interface ApprovalStore {
  insert(row: Omit<ApprovalRow, 'status' | 'decided_at' | 'decided_by' | 'simulation'>): void;
  setSimulation(id: string, simulation: string): void;
  get(id: string): ApprovalRow | undefined;
  forTransaction(transactionId: string): ApprovalRow | undefined;
  /** Compare-and-swap on the status, so two answers cannot both decide one approval. */
  decide(id: string, from: ApprovalStatus, to: ApprovalStatus, by: string, now: number): boolean;
  pending(): ApprovalRow[];
  /** PENDING approvals whose time is up. */
  due(now: number): ApprovalRow[];
}

export function createApprovalStore(db: Db): ApprovalStore {
  const byId = db.prepare<[string], ApprovalRow>('SELECT * FROM approvals WHERE id = ?');
  const byTx = db.prepare<[string], ApprovalRow>('SELECT * FROM approvals WHERE transaction_id = ?');
  return {
    insert(row) {
      db.prepare(
        `INSERT INTO approvals (id, transaction_id, status, content_digest, approve_nonce, reject_nonce, issued_at, expires_at, created_at)
         VALUES (@id, @transaction_id, 'PENDING', @content_digest, @approve_nonce, @reject_nonce, @issued_at, @expires_at, @created_at)`,
      ).run(row);
    },
    get: (id) => byId.get(id),
    setSimulation: (id, simulation) => void db.prepare('UPDATE approvals SET simulation = ? WHERE id = ?').run(simulation, id),
    forTransaction: (transactionId) => byTx.get(transactionId),
    decide: (id, from, to, by, now) =>
      db.prepare('UPDATE approvals SET status = ?, decided_at = ?, decided_by = ? WHERE id = ? AND status = ?').run(to, now, by, id, from)
        .changes === 1,
    pending: () => db.prepare<[], ApprovalRow>(`SELECT * FROM approvals WHERE status = 'PENDING' ORDER BY expires_at`).all(),
    due: (now) => db.prepare<[number], ApprovalRow>(`SELECT * FROM approvals WHERE status = 'PENDING' AND expires_at <= ?`).all(now),
  };
}
