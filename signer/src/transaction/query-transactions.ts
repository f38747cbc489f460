import { type agent, WaiaasError } from '@waiaas/protocol';
import type { AuditLog } from '../audit/audit-log.js';
import type { SessionRow } from '../session/session-store.js';
import { toTransaction, type TransactionStore } from './transaction-store.js';

/** A session sees its own wallet's transactions only; anything else does not exist for it. */
export function getTransaction(store: TransactionStore, session: SessionRow, id: string): agent.Transaction {
  const row = store.get(id);
  if (!row || row.wallet_id !== session.wallet_id) throw new WaiaasError('TRANSACTION__NOT_FOUND', { transactionId: id });
  return toTransaction(row);
}

/** Newest first; the cursor is opaque to agents (base64url of the last row's time and id). */
export function listTransactions(
  store: TransactionStore,
  session: SessionRow,
  query: { status?: agent.TransactionStatus; cursor?: string; limit?: number },
): { transactions: agent.Transaction[]; nextCursor: string | null } {
  const limit = query.limit ?? 50;
  const rows = store.page(session.wallet_id, { status: query.status, before: decodeCursor(query.cursor), limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null;
  return { transactions: page.map(toTransaction), nextCursor };
}

/** Cancels a transaction that has not been signed yet. Signed bytes may already be on the wire. */
export function cancelTransaction(
  deps: { transactions: TransactionStore; audit: AuditLog; now: () => number },
  session: SessionRow,
  id: string,
): agent.Transaction {
  const current = getTransaction(deps.transactions, session, id);
  const waiting = ['PENDING', 'QUEUED', 'AWAITING_APPROVAL'] as const;
  const from = waiting.find((s) => s === current.status);
  if (!from || !deps.transactions.advance(id, from, { status: 'CANCELLED' }, deps.now())) {
    const status = deps.transactions.get(id)?.status ?? current.status;
    throw new WaiaasError('TRANSACTION__NOT_CANCELLABLE', { transactionId: id, status });
  }
  deps.audit.record({ actor: `session:${session.id}`, action: 'transaction.cancel', walletId: session.wallet_id, sessionId: session.id, details: { transactionId: id } });
  return getTransaction(deps.transactions, session, id);
}

const encodeCursor = (createdAt: number, id: string) => Buffer.from(`${createdAt}:${id}`).toString('base64url');

function decodeCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  const createdAt = Number(time);
  if (!id || !Number.isSafeInteger(createdAt)) {
    throw new WaiaasError('REQUEST__VALIDATION_FAILED', { issues: [{ path: 'cursor', message: 'is not a cursor this API returned' }] });
  }
  return { createdAt, id };
}
