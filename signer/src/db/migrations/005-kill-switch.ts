/** One row: the kill switch's state, changed only by compare-and-swap on its current value. */
export const killSwitchSchema = `
CREATE TABLE kill_switch (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  state       TEXT NOT NULL CHECK (state IN ('ACTIVE', 'SUSPENDED', 'LOCKED')),
  changed_at  INTEGER NOT NULL,
  actor       TEXT NOT NULL,
  reason      TEXT
) STRICT;
INSERT INTO kill_switch (id, state, changed_at, actor) VALUES (1, 'ACTIVE', 0, 'system');
`;
