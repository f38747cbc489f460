/**
 * The audit chain (signer/src/audit/audit-chain.ts): each entry carries the hash of the chained
 * entry before it and its own keyed hash. A migration holds no key, so rows written before this
 * one stay unchained: verification starts at the first row that has an entry_hash and reports how
 * many came before it. The append-only triggers of the first schema stay as they are.
 */
export const auditChainSchema = `
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN entry_hash TEXT;
CREATE INDEX audit_log_wallet ON audit_log(wallet_id);
CREATE INDEX audit_log_action ON audit_log(action);
`;
