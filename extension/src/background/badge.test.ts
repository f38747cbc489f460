import { describe, expect, it } from 'vitest';
import { showPendingApprovals } from './badge.js';
import { approvalFixture } from './companion-fixtures.test-support.js';
import { createStore, initialCompanionState } from './companion-store.js';

function fakeAction() {
  const texts: string[] = [];
  return { texts, setBadgeText: async ({ text }: { text: string }) => void texts.push(text), setBadgeBackgroundColor: async () => undefined };
}

describe('the action badge', () => {
  it('shows the number of pending approvals, and nothing when there are none', () => {
    const action = fakeAction();
    const store = createStore(initialCompanionState());
    showPendingApprovals(action, store);
    store.update((s) => ({ ...s, approvals: [approvalFixture(1)] }));
    store.update((s) => ({ ...s, approvals: [approvalFixture(1), approvalFixture(2)] }));
    store.update((s) => ({ ...s, connection: 'connected' }));
    store.update((s) => ({ ...s, approvals: [] }));
    expect(action.texts).toEqual(['', '1', '2', '']);
  });

  it('caps the text at 99+', () => {
    const action = fakeAction();
    const many = Array.from({ length: 120 }, (_, i) => approvalFixture(i + 1));
    showPendingApprovals(action, createStore({ ...initialCompanionState(), approvals: many }));
    expect(action.texts).toEqual(['99+']);
  });
});
