import type { Db } from '../db/open-database.js';
import { SIGNED_ACTION } from './sign-audited.js';

/**
 * Signatures a wallet was given since `since` (ms epoch), read from the audit log where every one is
 * recorded: signing keeps no table of its own, and the log is append-only.
 */
export function createSignatureCount(db: Db): (walletId: string, since: number) => number {
  const count = db
    .prepare<[string, string, number], number>('SELECT count(*) FROM audit_log WHERE wallet_id = ? AND action = ? AND at >= ?')
    .pluck();
  return (walletId, since) => count.get(walletId, SIGNED_ACTION, since) ?? 0;
}
