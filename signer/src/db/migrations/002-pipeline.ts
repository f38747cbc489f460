/**
 * The transaction pipeline's state. Every stage writes its result here before the next starts, so
 * a restart resumes each transaction from its last persisted stage: a SIGNED transaction keeps its
 * raw bytes and is re-sent as is, never signed a second time.
 */
export const pipelineSchema = `
ALTER TABLE transactions ADD COLUMN network TEXT NOT NULL DEFAULT '';
ALTER TABLE transactions ADD COLUMN justification TEXT;
-- The parsed intent (amounts as decimal strings) the worker builds from.
ALTER TABLE transactions ADD COLUMN intent TEXT NOT NULL DEFAULT '{}';
-- Digest of what the agent asked for, fees / blockhash / nonce excluded: a rebuild must match it.
ALTER TABLE transactions ADD COLUMN content_digest TEXT;
-- The signed transaction (raw bytes, hash, validity) once SIGNED: re-sent as is after a restart.
ALTER TABLE transactions ADD COLUMN signed TEXT;
ALTER TABLE transactions ADD COLUMN hash TEXT;
ALTER TABLE transactions ADD COLUMN nonce INTEGER;
ALTER TABLE transactions ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE transactions ADD COLUMN next_attempt_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE transactions ADD COLUMN error_code TEXT;
ALTER TABLE transactions ADD COLUMN error_message TEXT;
CREATE INDEX transactions_unfinished ON transactions(status, next_attempt_at)
  WHERE status IN ('PENDING', 'SIGNED', 'SUBMITTED');
CREATE INDEX transactions_wallet_created ON transactions(wallet_id, created_at DESC, id DESC);
`;
