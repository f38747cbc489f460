import type { admin } from '@waiaas/protocol';
import type { WalletStore } from '../wallet/wallet-store.js';
import type { AuditRow, AuditStore } from './audit-store.js';

export const DEFAULT_AUDIT_LIMIT = 50;

/** Audit entries, newest first. WALLET__NOT_FOUND if `wallet` is neither a wallet id nor a name. */
export function listAuditEntries(
  deps: { store: Pick<AuditStore, 'list'>; wallets: Pick<WalletStore, 'resolve'> },
  query: admin.ListAuditQuery,
): admin.AuditEntry[] {
  const rows = deps.store.list({
    walletId: query.wallet === undefined ? undefined : deps.wallets.resolve(query.wallet).id,
    sessionId: query.session,
    action: query.action,
    since: query.since === undefined ? undefined : Date.parse(query.since),
    until: query.until === undefined ? undefined : Date.parse(query.until),
    limit: query.limit ?? DEFAULT_AUDIT_LIMIT,
  });
  return rows.map(toAuditEntry);
}

function toAuditEntry(row: AuditRow & { wallet_name: string | null }): admin.AuditEntry {
  return {
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    actor: row.actor,
    action: row.action,
    walletId: row.wallet_id,
    walletName: row.wallet_name,
    sessionId: row.session_id,
    details: parseDetails(row.details),
    prevHash: row.prev_hash,
    entryHash: row.entry_hash,
  };
}

/** The signer always stores JSON; text that no longer parses was edited, and is shown as it is. */
function parseDetails(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
