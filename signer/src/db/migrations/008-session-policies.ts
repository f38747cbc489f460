/**
 * Session rules and USD rolling limits.
 * - A rule is unique per type (and asset / window) per scope, and a session's scope is the session:
 *   two sessions of one wallet may each have their own rule of a type.
 * - Each reservation keeps the USD value its amount had when the request was accepted (USD × 10^18,
 *   NULL when no fresh price was known), so USD budgets add up what was spent at the time and a
 *   later price move does not rewrite history.
 */
export const sessionPoliciesSchema = `
DROP INDEX policies_one_per_scope;
CREATE UNIQUE INDEX policies_one_per_scope ON policies(scope, ifnull(wallet_id, ''), ifnull(session_id, ''), type, rule_key);
CREATE INDEX policies_session ON policies(session_id);
ALTER TABLE reservations ADD COLUMN usd_value TEXT CHECK (usd_value GLOB '[0-9]*');
CREATE INDEX reservations_created ON reservations(created_at, status);
CREATE INDEX reservations_session_created ON reservations(session_id, created_at);
CREATE INDEX transactions_session_created ON transactions(session_id, created_at);
`;
