/**
 * The Owner (one per signer: NONE is the absence of the row), the nonces the signer issues for the
 * messages the Owner co-signs, and what each approval is bound to.
 */
export const ownerApprovalsSchema = `
CREATE TABLE owner (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  chain      TEXT NOT NULL CHECK (chain IN ('solana', 'evm')),
  address    TEXT NOT NULL,
  state      TEXT NOT NULL CHECK (state IN ('GRACE', 'LOCKED')),
  set_at     INTEGER NOT NULL,
  locked_at  INTEGER
) STRICT;

-- A nonce names what it may answer (purpose + subject) and is used at most once.
CREATE TABLE cosign_nonces (
  nonce       TEXT PRIMARY KEY,
  purpose     TEXT NOT NULL,
  subject     TEXT NOT NULL,
  issued_at   INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  used_at     INTEGER
) STRICT;

-- Approve and reject each get a nonce: a rejection can still overtake an approval not yet signed.
ALTER TABLE approvals ADD COLUMN approve_nonce TEXT REFERENCES cosign_nonces(nonce);
ALTER TABLE approvals ADD COLUMN reject_nonce TEXT REFERENCES cosign_nonces(nonce);
ALTER TABLE approvals ADD COLUMN content_digest TEXT;
ALTER TABLE approvals ADD COLUMN issued_at INTEGER;
ALTER TABLE approvals ADD COLUMN decided_by TEXT;
-- The chain's prediction of the effect, shown to the Owner (JSON; NULL until it is known).
ALTER TABLE approvals ADD COLUMN simulation TEXT;
CREATE UNIQUE INDEX approvals_transaction ON approvals(transaction_id);
CREATE INDEX approvals_pending ON approvals(status, expires_at);
`;
