/**
 * Budget reservations: what a transaction may spend, per asset, held from the moment it is
 * accepted until it settles. Never summed across assets: each row is in its asset's smallest unit.
 */
export const reservationsSchema = `
CREATE TABLE reservations (
  transaction_id  TEXT NOT NULL REFERENCES transactions(id),
  wallet_id       TEXT NOT NULL REFERENCES wallets(id),
  session_id      TEXT REFERENCES sessions(id),
  asset           TEXT NOT NULL,
  amount          TEXT NOT NULL CHECK (amount GLOB '[0-9]*'),
  status          TEXT NOT NULL CHECK (status IN ('RESERVED', 'COMMITTED', 'RELEASED')),
  created_at      INTEGER NOT NULL,
  settled_at      INTEGER,
  PRIMARY KEY (transaction_id, asset)
) STRICT;
CREATE INDEX reservations_session_asset ON reservations(session_id, asset, status);
CREATE INDEX reservations_wallet_asset ON reservations(wallet_id, asset, status, created_at);
`;
