/** What the policy engine decided for a transaction, and when a DELAY transaction may go ahead. */
export const policyTiersSchema = `
ALTER TABLE transactions ADD COLUMN policy_reason TEXT;
ALTER TABLE transactions ADD COLUMN execute_at INTEGER;
DROP INDEX transactions_unfinished;
CREATE INDEX transactions_unfinished ON transactions(status, next_attempt_at)
  WHERE status IN ('QUEUED', 'PENDING', 'SIGNED', 'SUBMITTED');
-- One rule per type per scope, and for spending limits one per asset (rule_key = the asset).
ALTER TABLE policies ADD COLUMN rule_key TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX policies_one_per_scope ON policies(scope, ifnull(wallet_id, ''), type, rule_key);
`;
