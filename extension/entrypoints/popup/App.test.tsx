// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClockModel } from '../../src/models/clock-model';
import { createCompanionModel } from '../../src/models/companion-model';
import { createApproval, createCompanionState, createSession, SESSION_ID } from '../../src/models/fake-companion-state';
import { createFakePagePort } from '../../src/models/fake-page-port';
import { App } from './App';

afterEach(cleanup);

/** The fixtures' approvals expire at 10:15; the popup looks at them at 10:05. */
const fixedTimer = { now: () => Date.parse('2026-11-21T10:05:00.000Z'), setInterval: () => 0, clearInterval: () => undefined };

function renderPopup() {
  const fake = createFakePagePort();
  const model = createCompanionModel(fake.port);
  const onOpenOptions = vi.fn();
  render(<App model={model} clock={createClockModel(fixedTimer)} onOpenOptions={onOpenOptions} />);
  return { fake, onOpenOptions };
}

describe('the popup', () => {
  it('is loading until the background answers', () => {
    renderPopup();
    expect(screen.getByTestId('connection').dataset.state).toBe('loading');
  });

  it('sends an unpaired browser to the settings page', async () => {
    const { fake, onOpenOptions } = renderPopup();
    await act(() => fake.answer('getState', { state: createCompanionState({ connection: 'unpaired', pairing: null }) }));
    expect(screen.getByTestId('connection').dataset.state).toBe('unpaired');
    expect(screen.queryByRole('tablist')).toBeNull();
    fireEvent.click(screen.getByTestId('open-options'));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });

  it('shows the pending approvals with their count, and sends Approve to the background', async () => {
    const { fake } = renderPopup();
    await act(() => fake.answer('getState', { state: createCompanionState({ approvals: [createApproval()] }) }));
    expect(screen.getByTestId('approvals-count').textContent).toBe('1');
    fireEvent.click(screen.getByTestId('approve'));
    expect(fake.sent()).toContainEqual({ type: 'approve', approvalId: createApproval().id });
    expect(screen.getByTestId('approval-waiting')).toBeTruthy();
    await act(() => fake.fail('approve', { code: 'COMPANION__COSIGN_CANCELLED', message: 'The co-sign window was closed.' }));
    expect(screen.getByTestId('approval-error').dataset.code).toBe('COMPANION__COSIGN_CANCELLED');
  });

  it('says so when nothing waits, and announces a request that arrives while open', async () => {
    const { fake } = renderPopup();
    await act(() => fake.answer('getState', { state: createCompanionState() }));
    expect(screen.getByTestId('approvals-empty')).toBeTruthy();
    await act(() => fake.push(createCompanionState({ approvals: [createApproval()] })));
    expect(screen.getAllByTestId('approval')).toHaveLength(1);
    expect(screen.getByTestId('announcer').textContent).toContain('New approval request from wallet treasury');
  });

  it('revokes a session from the Sessions tab after the confirmation', async () => {
    const { fake } = renderPopup();
    await act(() => fake.answer('getState', { state: createCompanionState({ sessions: [createSession()] }) }));
    fireEvent.click(screen.getByRole('tab', { name: /Sessions/ }));
    fireEvent.click(screen.getByTestId('revoke'));
    fireEvent.click(screen.getByTestId('revoke-confirm'));
    expect(fake.sent()).toContainEqual({ type: 'revokeSession', sessionId: SESSION_ID });
  });

  it('stops everything from the Stop tab after the confirmation', async () => {
    const { fake } = renderPopup();
    await act(() => fake.answer('getState', { state: createCompanionState() }));
    fireEvent.click(screen.getByRole('tab', { name: 'Stop' }));
    fireEvent.click(screen.getByTestId('kill-switch'));
    fireEvent.click(screen.getByTestId('kill-switch-confirm'));
    expect(fake.sent()).toContainEqual({ type: 'activateKillSwitch' });
  });

  it('keeps showing what it knew, without actions, while the signer is away', async () => {
    const { fake } = renderPopup();
    await act(() => fake.answer('getState', { state: createCompanionState({ connection: 'disconnected', approvals: [createApproval()] }) }));
    expect(screen.getByTestId('connection').dataset.state).toBe('disconnected');
    expect((screen.getByTestId('approve') as HTMLButtonElement).disabled).toBe(true);
  });

  it('says the background is gone when the port drops', async () => {
    const { fake } = renderPopup();
    await act(() => fake.answer('getState', { state: createCompanionState() }));
    await act(() => fake.dropFromBackground());
    expect(screen.getByTestId('connection').dataset.state).toBe('unreachable');
    expect(screen.queryByRole('tablist')).toBeNull();
  });
});
