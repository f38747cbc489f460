// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import type { admin } from '@waiaas/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KillSwitchPanel } from './KillSwitchPanel';

afterEach(cleanup);

const ACTIVE: admin.KillSwitchStatus = { state: 'ACTIVE', changedAt: '2026-11-20T08:00:00.000Z', actor: 'master', reason: null };

describe('KillSwitchPanel', () => {
  it('stops everything only after a confirmation that says what it does, with the reason given', () => {
    const onActivate = vi.fn();
    render(<KillSwitchPanel killSwitch={ACTIVE} status={undefined} lastResult={null} offline={false} onActivate={onActivate} onDismissError={() => undefined} />);
    fireEvent.click(screen.getByTestId('kill-switch'));
    expect(onActivate).not.toHaveBeenCalled();
    expect(document.body.textContent).toContain('Stop everything: revokes all sessions and cancels waiting requests');
    fireEvent.input(screen.getByTestId('kill-switch-reason'), { target: { value: 'leaked key' } });
    fireEvent.click(screen.getByTestId('kill-switch-confirm'));
    expect(onActivate).toHaveBeenCalledWith('leaked key');
  });

  it('shows the engaged state instead of the button when not ACTIVE', () => {
    const suspended = { ...ACTIVE, state: 'SUSPENDED' as const, actor: 'owner', reason: 'leaked key' };
    render(<KillSwitchPanel killSwitch={suspended} status={undefined} lastResult={null} offline={false} onActivate={() => undefined} onDismissError={() => undefined} />);
    const state = screen.getByTestId('kill-switch-state');
    expect(state.dataset.state).toBe('SUSPENDED');
    expect(state.textContent).toContain('“leaked key”');
    expect(screen.queryByTestId('kill-switch')).toBeNull();
  });

  it('reports what the activation did', () => {
    const lastResult = { killSwitch: { ...ACTIVE, state: 'SUSPENDED' as const }, revokedSessions: 3, cancelledTransactions: 2 };
    render(<KillSwitchPanel killSwitch={lastResult.killSwitch} status={undefined} lastResult={lastResult} offline={false} onActivate={() => undefined} onDismissError={() => undefined} />);
    expect(screen.getByTestId('kill-switch-result').textContent).toBe('Stopped: 3 session(s) revoked, 2 request(s) cancelled.');
  });
});
