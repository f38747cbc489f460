import type { admin, owner } from '@waiaas/protocol';
import type { NotificationPrefs } from '../port/messages.js';
import type { StorageItem } from './storage-item.js';

/** The slice of `browser.notifications` the notifier uses; options both Chrome and Firefox accept. */
export interface NotificationsApi {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<string>;
  clear(id: string): Promise<boolean>;
}

type NotifyNotice = Extract<owner.OwnerEventBody, { kind: 'transaction.notify' }>;

export const APPROVAL_NOTIFICATION_PREFIX = 'approval:';
export const NOTICE_NOTIFICATION_PREFIX = 'notice:';
/** Enough ids to cover any realistic backlog, few enough to stay small in storage. */
const SEEN_LIMIT = 500;

export interface ApprovalNotifier {
  /** Loads the ids already notified, so a restarted service worker does not notify them again. */
  load(): Promise<void>;
  /** Notifies every approval not seen before (live, replayed or in a snapshot); clears resolved ones. */
  approvals(pending: readonly admin.Approval[]): void;
  notice(notice: NotifyNotice, walletName: string): void;
}

export function createApprovalNotifier(deps: {
  notifications: NotificationsApi;
  seen: StorageItem<string[]>;
  prefs: () => NotificationPrefs;
  iconUrl: string;
}): ApprovalNotifier {
  let seen: string[] = [];
  let shown = new Set<string>();

  const remember = (approvalId: string) => {
    seen = [...seen, approvalId].slice(-SEEN_LIMIT);
    void deps.seen.setValue(seen);
  };

  return {
    async load() {
      seen = await deps.seen.getValue();
    },
    approvals(pending) {
      const current = new Set(pending.map((a) => a.id));
      for (const id of shown) {
        if (!current.has(id)) void deps.notifications.clear(`${APPROVAL_NOTIFICATION_PREFIX}${id}`).catch(() => false);
      }
      shown = new Set([...shown].filter((id) => current.has(id)));
      for (const approval of pending) {
        if (seen.includes(approval.id)) continue;
        // Marked seen even with notifications off, so turning them on later does not replay old ones.
        remember(approval.id);
        if (!deps.prefs().approvals) continue;
        shown.add(approval.id);
        void deps.notifications
          .create(`${APPROVAL_NOTIFICATION_PREFIX}${approval.id}`, {
            type: 'basic',
            iconUrl: deps.iconUrl,
            title: `Approval needed — wallet ${approval.walletName}`,
            message: approvalMessage(approval),
          })
          .catch(() => '');
      }
    },
    notice(notice, walletName) {
      if (!deps.prefs().notices) return;
      void deps.notifications
        .create(`${NOTICE_NOTIFICATION_PREFIX}${notice.transactionId}`, {
          type: 'basic',
          iconUrl: deps.iconUrl,
          title: `Agent sent without waiting — wallet ${walletName}`,
          message: `${notice.type}${notice.policyReason ? `: ${notice.policyReason}` : ''}`,
        })
        .catch(() => '');
    },
  };
}

/** Amount (and USD), recipient (by its allowlist label when it has one), then the summary. */
export function approvalMessage(approval: admin.Approval): string {
  const usd = approval.usdValue === null ? '' : ` (≈ $${approval.usdValue})`;
  const recipient = approval.recipientLabel ? `${approval.recipientLabel} (${approval.recipient})` : approval.recipient;
  const warning = approval.recipientKnown ? '' : ' — new recipient';
  return `${approval.amount}${usd} to ${recipient}${warning}\n${approval.summary}`;
}
