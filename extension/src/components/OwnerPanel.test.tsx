// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OwnerPanel } from './OwnerPanel';

afterEach(cleanup);

describe('OwnerPanel', () => {
  it('shows a locked Owner with its state and address, and sends its replacement to the CLI', () => {
    const owner = { state: 'LOCKED' as const, chain: 'solana' as const, address: 'Own3rAddr', setAt: '2026-11-20T08:00:00.000Z', lockedAt: null };
    render(<OwnerPanel owner={owner} loadStatus={undefined} registerStatus={undefined} connected onRegister={() => undefined} onDismissError={() => undefined} />);
    const status = screen.getByTestId('owner-status');
    expect(status.dataset.state).toBe('LOCKED');
    expect(status.textContent).toContain('Solana Own3rAddr');
    expect(screen.queryByTestId('register-owner-solana')).toBeNull();
    expect(document.body.textContent).toContain('waiaas owner set');
  });

  it('offers to replace an Owner still in its grace period', () => {
    const owner = { state: 'GRACE' as const, chain: 'evm' as const, address: '0xabc', setAt: '2026-11-20T08:00:00.000Z', lockedAt: null };
    render(<OwnerPanel owner={owner} loadStatus={undefined} registerStatus={undefined} connected onRegister={() => undefined} onDismissError={() => undefined} />);
    expect(screen.getByTestId('register-owner-evm').textContent).toBe('Replace Owner wallet: EVM (MetaMask)');
  });

  it('registers a Phantom or a MetaMask Owner, and waits for the co-sign window meanwhile', () => {
    const onRegister = vi.fn();
    const none = { state: 'NONE' as const, chain: null, address: null, setAt: null, lockedAt: null };
    render(<OwnerPanel owner={none} loadStatus={undefined} registerStatus={undefined} connected onRegister={onRegister} onDismissError={() => undefined} />);
    fireEvent.click(screen.getByTestId('register-owner-evm'));
    fireEvent.click(screen.getByTestId('register-owner-solana'));
    expect(onRegister.mock.calls).toEqual([['evm'], ['solana']]);
    cleanup();
    render(<OwnerPanel owner={none} loadStatus={undefined} registerStatus={{ pending: true, error: null }} connected onRegister={onRegister} onDismissError={() => undefined} />);
    expect(screen.getByTestId('register-owner-waiting')).toBeTruthy();
    expect((screen.getByTestId('register-owner-evm') as HTMLButtonElement).disabled).toBe(true);
  });

  it('cannot register while the signer is not connected', () => {
    render(<OwnerPanel owner={null} loadStatus={undefined} registerStatus={undefined} connected={false} onRegister={() => undefined} onDismissError={() => undefined} />);
    expect((screen.getByTestId('register-owner-solana') as HTMLButtonElement).disabled).toBe(true);
  });
});
