import { describe, expect, it } from 'vitest';
import type { NotificationPrefs } from '../port/messages.js';
import { approvalMessage, createApprovalNotifier } from './approval-notifier.js';
import { approvalFixture, id, WALLET } from './companion-fixtures.test-support.js';
import { createMemoryStorageItem } from './storage-item.js';

function setup(seenBefore: string[] = [], prefs: NotificationPrefs = { approvals: true, notices: true }) {
  const created: { id: string; title: string; message: string }[] = [];
  const cleared: string[] = [];
  const seen = createMemoryStorageItem<string[]>(seenBefore);
  const notifier = createApprovalNotifier({
    notifications: {
      create: async (nid, options) => {
        created.push({ id: nid, title: options.title, message: options.message });
        return nid;
      },
      clear: async (nid) => {
        cleared.push(nid);
        return true;
      },
    },
    seen,
    prefs: () => prefs,
    iconUrl: 'chrome-extension://x/icon-128.png',
  });
  return { notifier, created, cleared, seen, prefs };
}

describe('the approval notifier', () => {
  it('notifies each new approval once, with amount, recipient and summary', async () => {
    const t = setup();
    await t.notifier.load();
    const first = approvalFixture(1, { usdValue: '12.34' });
    t.notifier.approvals([first]);
    t.notifier.approvals([first, approvalFixture(2)]);
    expect(t.created.map((n) => n.id)).toEqual([`approval:${id(1)}`, `approval:${id(2)}`]);
    expect(t.created[0]).toEqual({
      id: `approval:${id(1)}`,
      title: 'Approval needed — wallet agent',
      message: '1 wei (≈ $12.34) to 0x00000000000000000000000000000000000b0b0b — new recipient\nSend 1 wei',
    });
  });

  it('does not notify again after a service worker restart (the ids are kept in storage)', async () => {
    const first = setup();
    await first.notifier.load();
    first.notifier.approvals([approvalFixture(1)]);
    const second = setup(first.seen.peek());
    await second.notifier.load();
    second.notifier.approvals([approvalFixture(1)]);
    expect(second.created).toEqual([]);
  });

  it('clears the notification of an approval that was answered', async () => {
    const t = setup();
    await t.notifier.load();
    t.notifier.approvals([approvalFixture(1)]);
    t.notifier.approvals([]);
    expect(t.cleared).toEqual([`approval:${id(1)}`]);
  });

  it('respects the preferences, and does not replay what was skipped when they are turned on', async () => {
    const t = setup([], { approvals: false, notices: false });
    await t.notifier.load();
    t.notifier.approvals([approvalFixture(1)]);
    t.notifier.notice({ kind: 'transaction.notify', transactionId: id(7), walletId: WALLET, type: 'TRANSFER', policyReason: null }, 'agent');
    t.prefs.approvals = true;
    t.notifier.approvals([approvalFixture(1)]);
    expect(t.created).toEqual([]);
  });

  it('notifies a NOTIFY notice with what was sent and why', async () => {
    const t = setup();
    t.notifier.notice({ kind: 'transaction.notify', transactionId: id(7), walletId: WALLET, type: 'TRANSFER', policyReason: 'above 0.1 ETH' }, 'agent');
    expect(t.created).toEqual([{ id: `notice:${id(7)}`, title: 'Agent sent without waiting — wallet agent', message: 'TRANSFER: above 0.1 ETH' }]);
  });

  it('names an allowlisted recipient by its label', () => {
    expect(approvalMessage(approvalFixture(3, { recipientLabel: 'Treasury', recipientKnown: true }))).toBe(
      '3 wei to Treasury (0x00000000000000000000000000000000000b0b0b)\nSend 3 wei',
    );
  });
});
