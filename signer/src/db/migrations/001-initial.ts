/**
 * The first schema. Timestamps are INTEGER milliseconds since the epoch (UTC); amounts are TEXT
 * decimal strings in the chain's smallest unit, because wei overflow SQLite's 64-bit integers.
 */
export const initialSchema = `
CREATE TABLE wallets (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  chain       TEXT NOT NULL CHECK (chain IN ('solana', 'evm')),
  network     TEXT NOT NULL,
  address     TEXT NOT NULL,
  created_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE sessions (
  id                   TEXT PRIMARY KEY,
  wallet_id            TEXT NOT NULL REFERENCES wallets(id),
  token_hash           TEXT NOT NULL UNIQUE,
  ttl_seconds          INTEGER NOT NULL CHECK (ttl_seconds > 0),
  created_at           INTEGER NOT NULL,
  issued_at            INTEGER NOT NULL,
  expires_at           INTEGER NOT NULL,
  absolute_expires_at  INTEGER NOT NULL,
  renew_count          INTEGER NOT NULL DEFAULT 0,
  max_renewals         INTEGER NOT NULL,
  revoked_at           INTEGER,
  max_per_tx           TEXT CHECK (max_per_tx GLOB '[0-9]*'),
  max_total            TEXT CHECK (max_total GLOB '[0-9]*')
) STRICT;
CREATE INDEX sessions_wallet ON sessions(wallet_id);

CREATE TABLE transactions (
  id               TEXT PRIMARY KEY,
  wallet_id        TEXT NOT NULL REFERENCES wallets(id),
  session_id       TEXT REFERENCES sessions(id),
  type             TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('PENDING', 'QUEUED', 'AWAITING_APPROVAL', 'SIGNED',
                     'SUBMITTED', 'CONFIRMED', 'FAILED', 'CANCELLED', 'EXPIRED', 'REJECTED')),
  tier             TEXT CHECK (tier IN ('INSTANT', 'NOTIFY', 'DELAY', 'APPROVAL')),
  request          TEXT NOT NULL,
  idempotency_key  TEXT,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  UNIQUE (session_id, idempotency_key)
) STRICT;
CREATE INDEX transactions_wallet_status ON transactions(wallet_id, status);

CREATE TABLE policies (
  id          TEXT PRIMARY KEY,
  scope       TEXT NOT NULL CHECK (scope IN ('global', 'wallet', 'session')),
  wallet_id   TEXT REFERENCES wallets(id),
  session_id  TEXT REFERENCES sessions(id),
  type        TEXT NOT NULL,
  rule        TEXT NOT NULL,
  enabled     INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE approvals (
  id              TEXT PRIMARY KEY,
  transaction_id  TEXT NOT NULL REFERENCES transactions(id),
  status          TEXT NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED', 'CANCELLED')),
  expires_at      INTEGER NOT NULL,
  decided_at      INTEGER,
  created_at      INTEGER NOT NULL
) STRICT;

CREATE TABLE owner_devices (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  public_key    TEXT NOT NULL UNIQUE,
  origin        TEXT NOT NULL,
  paired_at     INTEGER NOT NULL,
  last_seen_at  INTEGER,
  revoked_at    INTEGER
) STRICT;

-- Append-only: the triggers below refuse any UPDATE or DELETE, whoever asks.
CREATE TABLE audit_log (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  at          INTEGER NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  wallet_id   TEXT,
  session_id  TEXT,
  details     TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX audit_log_session ON audit_log(session_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`;
