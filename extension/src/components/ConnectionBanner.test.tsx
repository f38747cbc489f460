// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCompanionState } from '../models/fake-companion-state';
import { ConnectionBanner } from './ConnectionBanner';

afterEach(cleanup);

const now = signal(Date.parse('2026-11-21T10:00:00.000Z'));

describe('ConnectionBanner', () => {
  it('names the signer it is live with', () => {
    render(<ConnectionBanner view="connected" state={createCompanionState()} now={now} />);
    const banner = screen.getByTestId('connection');
    expect(banner.dataset.state).toBe('connected');
    expect(banner.textContent).toContain('Live with http://127.0.0.1:3100');
  });

  it('says when it retries after losing the signer, and why it lost it', () => {
    const state = createCompanionState({
      connection: 'disconnected',
      retryAt: '2026-11-21T10:00:12.000Z',
      lastError: { code: 'COMPANION__SOCKET_CLOSED', message: 'The signer closed the connection' },
    });
    render(<ConnectionBanner view="disconnected" state={state} now={now} />);
    const text = screen.getByTestId('connection').textContent ?? '';
    expect(text).toContain('Retrying in 0:12.');
    expect(text).toContain('The signer closed the connection — COMPANION__SOCKET_CLOSED');
  });

  it('offers the settings page when the browser must be paired, and gives the refusal’s reason', () => {
    const onOpenOptions = vi.fn();
    const state = createCompanionState({ connection: 'refused', lastError: { code: 'OWNER__DEVICE_REVOKED', message: 'This device was unpaired' } });
    render(<ConnectionBanner view="refused" state={state} now={now} onOpenOptions={onOpenOptions} />);
    expect(screen.getByTestId('connection').textContent).toContain('This device was unpaired');
    fireEvent.click(screen.getByTestId('open-options'));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });

  it('has no pairing button while connected', () => {
    render(<ConnectionBanner view="connected" state={createCompanionState()} now={now} onOpenOptions={() => undefined} />);
    expect(screen.queryByTestId('open-options')).toBeNull();
  });
});
