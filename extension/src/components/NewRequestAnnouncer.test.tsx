// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createApproval } from '../models/fake-companion-state';
import { NewRequestAnnouncer } from './NewRequestAnnouncer';

afterEach(cleanup);

describe('NewRequestAnnouncer', () => {
  it('announces a request that arrives while open, not the ones there at first', () => {
    const first = createApproval();
    const { rerender } = render(<NewRequestAnnouncer approvals={[first]} />);
    const region = screen.getByTestId('announcer');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');
    const second = createApproval({ id: '01980000-0000-7000-8000-00000000c002', walletName: 'ops', summary: 'Send 2 ETH to 0xabc' });
    rerender(<NewRequestAnnouncer approvals={[first, second]} />);
    expect(region.textContent).toBe('New approval request from wallet ops: Send 2 ETH to 0xabc');
  });
});
