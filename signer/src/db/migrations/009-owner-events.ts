/**
 * Events for the Owner channel, numbered in the order they happened: a device that reconnects
 * asks for everything after the last seq it saw. Only the newest few thousand are kept (the
 * publisher prunes); a device further behind gets a snapshot instead.
 */
export const ownerEventsSchema = `
CREATE TABLE owner_events (
  seq    INTEGER PRIMARY KEY AUTOINCREMENT,
  at     INTEGER NOT NULL,
  kind   TEXT NOT NULL,
  event  TEXT NOT NULL
) STRICT;
`;
