/**
 * Deliveries of Owner events to the fallback channels (ntfy, webhook) that are still owed. A row
 * leaves the table when it is delivered or gives up; the audit log keeps the outcome. Keeping the
 * event itself (not its seq alone) lets a delivery outlive owner_events' pruning.
 */
export const notificationsSchema = `
CREATE TABLE notifications (
  id               INTEGER PRIMARY KEY,
  channel          TEXT NOT NULL CHECK (channel IN ('ntfy', 'webhook')),
  event_seq        INTEGER NOT NULL,
  event_at         INTEGER NOT NULL,
  event            TEXT NOT NULL,
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER NOT NULL,
  last_problem     TEXT,
  created_at       INTEGER NOT NULL,
  UNIQUE (channel, event_seq)
) STRICT;
CREATE INDEX notifications_due ON notifications(next_attempt_at);
`;
