/**
 * Owner-signed checkpoints of the audit chain (signer/src/audit/sign-checkpoint.ts). A row keeps
 * what the message was rendered from — never the rendered text — so verification renders it again
 * and checks the Owner's signature over that. The Owner is stored with the row: a checkpoint stays
 * valid after that Owner is replaced. Append-only like audit_log.
 */
export const auditCheckpointsSchema = `
CREATE TABLE audit_checkpoints (
  id             INTEGER PRIMARY KEY,
  seq            INTEGER NOT NULL,
  entry_hash     TEXT NOT NULL,
  entries        INTEGER NOT NULL,
  nonce          TEXT NOT NULL UNIQUE,
  issued_at      INTEGER NOT NULL,
  expires_at     INTEGER NOT NULL,
  owner_chain    TEXT NOT NULL CHECK (owner_chain IN ('solana', 'evm')),
  owner_address  TEXT NOT NULL,
  signature      TEXT NOT NULL,
  signed_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX audit_checkpoints_seq ON audit_checkpoints(seq);
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
  BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END;
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
  BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END;
`;
