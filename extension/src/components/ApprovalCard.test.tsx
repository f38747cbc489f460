// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import type { admin } from '@waiaas/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApproval } from '../models/fake-companion-state';
import type { RequestStatus } from '../models/request-tracker';
import { ApprovalCard } from './ApprovalCard';

afterEach(cleanup);

function renderCard(approval: admin.Approval, statuses: { approve?: RequestStatus; reject?: RequestStatus } = {}, offline = false) {
  const now = signal(Date.parse('2026-11-21T10:05:00.000Z'));
  const handlers = { onApprove: vi.fn(), onReject: vi.fn(), onDismissError: vi.fn() };
  render(<ApprovalCard approval={approval} now={now} approveStatus={statuses.approve} rejectStatus={statuses.reject} offline={offline} {...handlers} />);
  return { now, ...handlers, card: screen.getByTestId('approval') };
}

describe('ApprovalCard', () => {
  it('shows everything the Owner decides on', () => {
    const { card } = renderCard(createApproval());
    expect(card.dataset.approvalId).toBe(createApproval().id);
    const text = card.textContent ?? '';
    expect(text).toContain('Send 1.5 SOL to 9xQe');
    expect(text).toContain('Wallet treasury · session …0000b001 · solana-devnet');
    expect(text).toContain('1.5 SOL ≈ $225.50');
    expect(text).toContain('above the DELAY limit of 1 SOL');
    expect(text).toContain('3.5 SOL left of 5 SOL');
    expect(text).toContain('-1.500005 SOL');
    expect(text).toContain('Network fee: 0.000005 SOL');
    expect(text).toContain('Expires in 10:00');
    expect(screen.getByTestId('justification').textContent).toBe('“Paying the invoice #42 from ACME”');
    expect(text).toContain('The agent says (its own words, not checked)');
  });

  it('warns about a recipient no rule knows, and names one the Owner labelled', () => {
    renderCard(createApproval({ recipientKnown: false }));
    expect(screen.getByTestId('new-recipient').textContent).toContain('New recipient');
    cleanup();
    renderCard(createApproval({ recipientKnown: true, recipientLabel: 'ACME payroll' }));
    expect(screen.queryByTestId('new-recipient')).toBeNull();
    expect(screen.getByTestId('recipient-label').textContent).toContain('ACME payroll');
  });

  it('shows USD as a dash when no price is known, and a failed dry run as a warning', () => {
    const { card } = renderCard(createApproval({ usdValue: null, simulation: { ok: false, fee: '0', balanceChanges: [], error: 'insufficient funds' } }));
    expect(card.textContent).toContain('USD —');
    expect(screen.getByTestId('simulation-warning').textContent).toContain('insufficient funds');
  });

  it('approves with one click and then waits for the wallet', () => {
    const { onApprove } = renderCard(createApproval());
    fireEvent.click(screen.getByTestId('approve'));
    expect(onApprove).toHaveBeenCalledWith(createApproval().id);
    cleanup();
    renderCard(createApproval(), { approve: { pending: true, error: null } });
    expect(screen.getByTestId('approval-waiting').textContent).toContain('Waiting for your wallet…');
    expect(screen.queryByTestId('approve')).toBeNull();
  });

  it('rejects only after the confirmation, with the reason typed', () => {
    const { onReject } = renderCard(createApproval());
    fireEvent.click(screen.getByTestId('reject'));
    expect(onReject).not.toHaveBeenCalled();
    fireEvent.input(screen.getByTestId('reject-reason'), { target: { value: 'unknown vendor' } });
    fireEvent.click(screen.getByTestId('reject-confirm'));
    expect(onReject).toHaveBeenCalledWith(createApproval().id, 'unknown vendor');
  });

  it('shows a failed answer with its code, dismissable', () => {
    const { onDismissError } = renderCard(createApproval(), {
      approve: { pending: false, error: { code: 'COMPANION__COSIGN_CANCELLED', message: 'The co-sign window was closed.' } },
    });
    const error = screen.getByTestId('approval-error');
    expect(error.textContent).toContain('COMPANION__COSIGN_CANCELLED');
    fireEvent.click(within(error).getByText('Dismiss'));
    expect(onDismissError).toHaveBeenCalledWith('approve');
  });

  it('turns Expired when its time passes while open, and offers no answer any more', async () => {
    const { now, card } = renderCard(createApproval());
    expect(screen.getByTestId('approve')).toBeTruthy();
    await act(() => void (now.value = Date.parse('2026-11-21T10:15:00.000Z')));
    expect(card.dataset.expired).toBe('true');
    expect(screen.getByTestId('countdown').textContent).toBe('Expired');
    expect(screen.getByTestId('approval-expired')).toBeTruthy();
    expect(screen.queryByTestId('approve')).toBeNull();
    expect(screen.queryByTestId('reject')).toBeNull();
  });

  it('disables the answers while the signer is unreachable', () => {
    renderCard(createApproval(), {}, true);
    expect((screen.getByTestId('approve') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('reject') as HTMLButtonElement).disabled).toBe(true);
  });
});
