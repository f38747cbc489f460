import type { Db } from '../db/open-database.js';
import type { StoredOwnerEvent } from '../owner-channel/owner-event-store.js';
import type { NotifiableEvent } from './notifiable-event.js';

export type NotifyChannelName = 'ntfy' | 'webhook';

export interface PendingNotification {
  id: number;
  channel: NotifyChannelName;
  eventSeq: number;
  eventAt: number;
  event: NotifiableEvent;
  /** Attempts made so far. */
  attempts: number;
}

export interface NotificationStore {
  /** Owes `event` to `channel`; a second call for the same pair is a no-op. */
  enqueue(channel: NotifyChannelName, stored: StoredOwnerEvent & { event: NotifiableEvent }, now: number): void;
  /** Deliveries whose next attempt is due, oldest event first. */
  due(now: number, limit: number): PendingNotification[];
  retryAt(id: number, attempts: number, nextAttemptAt: number, problem: string): void;
  /** Delivered or given up: the audit log has the outcome. */
  remove(id: number): void;
}

interface Row {
  id: number;
  channel: NotifyChannelName;
  event_seq: number;
  event_at: number;
  event: string;
  attempts: number;
}

/** The notifications table: deliveries still owed, surviving a restart. */
export function createNotificationStore(db: Db): NotificationStore {
  const insert = db.prepare(
    `INSERT INTO notifications (channel, event_seq, event_at, event, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (channel, event_seq) DO NOTHING`,
  );
  const due = db.prepare<[number, number], Row>(
    'SELECT id, channel, event_seq, event_at, event, attempts FROM notifications WHERE next_attempt_at <= ? ORDER BY event_seq, id LIMIT ?',
  );
  const retry = db.prepare('UPDATE notifications SET attempts = ?, next_attempt_at = ?, last_problem = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM notifications WHERE id = ?');
  return {
    enqueue(channel, stored, now) {
      insert.run(channel, stored.seq, stored.at, JSON.stringify(stored.event), now, now);
    },
    due: (now, limit) =>
      due.all(now, limit).map((row) => ({
        id: row.id,
        channel: row.channel,
        eventSeq: row.event_seq,
        eventAt: row.event_at,
        // Written by enqueue from a NotifiableEvent; the table is this module's alone.
        event: JSON.parse(row.event) as NotifiableEvent,
        attempts: row.attempts,
      })),
    retryAt(id, attempts, nextAttemptAt, problem) {
      retry.run(attempts, nextAttemptAt, problem, id);
    },
    remove(id) {
      remove.run(id);
    },
  };
}
