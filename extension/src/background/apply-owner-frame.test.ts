import { describe, expect, it } from 'vitest';
import type { CompanionState } from '../port/messages.js';
import { applyEvent, applySnapshot } from './apply-owner-frame.js';
import { approvalFixture, delayedFixture, eventFrame, id, KILL_SWITCH_ACTIVE, sessionFixture, WALLET } from './companion-fixtures.test-support.js';
import { initialCompanionState } from './companion-store.js';

const state = (overrides: Partial<CompanionState> = {}): CompanionState => ({ ...initialCompanionState(), ...overrides });

describe('applySnapshot', () => {
  it('takes the pending approvals oldest first, the active sessions, the DELAY queue and the kill switch', () => {
    const older = approvalFixture(1);
    const newer = approvalFixture(2);
    const next = applySnapshot(state({ activity: [{ seq: 1, at: 'x', kind: 'session.created', text: 'kept' }] }), {
      killSwitch: KILL_SWITCH_ACTIVE,
      sessions: [sessionFixture(10), sessionFixture(11, { status: 'revoked' })],
      delayedTransactions: [delayedFixture(20)],
      approvals: [newer, older, approvalFixture(3, { status: 'APPROVED' })],
    });
    expect(next.approvals.map((a) => a.id)).toEqual([older.id, newer.id]);
    expect(next.sessions.map((s) => s.id)).toEqual([id(10)]);
    expect(next.delayed.map((t) => t.id)).toEqual([id(20)]);
    expect(next.killSwitch).toEqual(KILL_SWITCH_ACTIVE);
    expect(next.activity).toHaveLength(1);
  });
});

describe('applyEvent', () => {
  it('adds a requested approval once, and removes it when resolved', () => {
    const approval = approvalFixture(1);
    const requested = applyEvent(state(), eventFrame(5, { kind: 'approval.requested', approval }));
    expect(requested.state.approvals).toEqual([approval]);
    expect(requested.state.activity[0]).toEqual({ seq: 5, at: expect.any(String), kind: 'approval.requested', text: 'Approval requested: Send 1 wei', transactionId: approval.transactionId });
    const again = applyEvent(requested.state, eventFrame(6, { kind: 'approval.requested', approval }));
    expect(again.state.approvals).toHaveLength(1);
    const resolved = applyEvent(again.state, eventFrame(7, { kind: 'approval.resolved', approvalId: approval.id, transactionId: approval.transactionId, status: 'APPROVED' }));
    expect(resolved.state.approvals).toEqual([]);
    expect(resolved.state.activity[0]?.text).toBe(`Approval for transaction …${approval.transactionId.slice(-8)} APPROVED.`);
  });

  it('removes a revoked session at once and asks to re-list sessions; a created one is only re-listed', () => {
    const session = sessionFixture(10);
    const revoked = applyEvent(state({ sessions: [session] }), eventFrame(8, { kind: 'session.revoked', sessionId: session.id, walletId: WALLET }));
    expect(revoked).toMatchObject({ state: { sessions: [] }, follow: 'sessions' });
    expect(revoked.state.activity[0]?.text).toBe(`Session …${session.id.slice(-8)} revoked on wallet agent.`);
    expect(applyEvent(state(), eventFrame(9, { kind: 'session.created', sessionId: id(11), walletId: WALLET })).follow).toBe('sessions');
  });

  it('records the kill switch with the time of the event', () => {
    const frame = eventFrame(3, { kind: 'kill_switch.changed', state: 'SUSPENDED', actor: 'owner:device', reason: 'panic' });
    const next = applyEvent(state({ killSwitch: KILL_SWITCH_ACTIVE }), frame).state;
    expect(next.killSwitch).toEqual({ state: 'SUSPENDED', actor: 'owner:device', reason: 'panic', changedAt: frame.at });
    expect(next.activity[0]?.text).toBe('Kill switch SUSPENDED by owner:device: panic.');
  });

  it('asks for a (debounced) re-list on budget moves, without an activity line', () => {
    const result = applyEvent(state(), eventFrame(4, { kind: 'budget.changed', walletId: WALLET, sessionId: null, transactionId: id(1), change: 'reserved' }));
    expect(result.follow).toBe('budget');
    expect(result.state.activity).toEqual([]);
  });

  it('words transaction outcomes and NOTIFY notices, and drops a DELAY transaction that left its cooldown', () => {
    const delayed = delayedFixture(20);
    const before = state({ delayed: [delayed], sessions: [sessionFixture(10)] });
    const queued = applyEvent(before, eventFrame(1, { kind: 'transaction.status_changed', transactionId: delayed.id, walletId: WALLET, status: 'QUEUED', tier: 'DELAY' }));
    expect(queued.state.delayed).toEqual([delayed]);
    const done = applyEvent(queued.state, eventFrame(2, { kind: 'transaction.status_changed', transactionId: delayed.id, walletId: WALLET, status: 'CONFIRMED', tier: 'DELAY' }));
    expect(done.state.delayed).toEqual([]);
    expect(done.state.activity[0]).toMatchObject({ kind: 'transaction.status_changed', text: `Transaction …${delayed.id.slice(-8)} CONFIRMED on wallet agent (DELAY).`, transactionId: delayed.id });
    const notice = applyEvent(before, eventFrame(3, { kind: 'transaction.notify', transactionId: id(21), walletId: id(0xfff), type: 'TRANSFER', policyReason: 'above 1 ETH' }));
    expect(notice.state.activity[0]?.text).toBe(`Sent without waiting (NOTIFY): TRANSFER from wallet …${id(0xfff).slice(-8)} — above 1 ETH.`);
  });

  it('keeps the 50 newest lines, newest first', () => {
    let current = state();
    for (let seq = 1; seq <= 60; seq++) {
      current = applyEvent(current, eventFrame(seq, { kind: 'session.created', sessionId: id(seq), walletId: WALLET })).state;
    }
    expect(current.activity).toHaveLength(50);
    expect(current.activity[0]?.seq).toBe(60);
    expect(current.activity.at(-1)?.seq).toBe(11);
  });
});
