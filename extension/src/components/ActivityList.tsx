import type { ActivityItem } from '../port/messages';
import { formatDateTime } from './format-time';

/** What happened lately, newest first, in words. */
export function ActivityList({ items }: { items: readonly ActivityItem[] }) {
  if (items.length === 0) return <p class="empty" data-testid="activity-empty">Nothing has happened since this browser connected.</p>;
  return (
    <ol class="activity" data-testid="activity">
      {items.map((item) => (
        <li key={item.seq} data-kind={item.kind}>
          <time dateTime={item.at}>{formatDateTime(item.at)}</time> {item.text}
        </li>
      ))}
    </ol>
  );
}
