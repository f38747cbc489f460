// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSession, SESSION_ID } from '../models/fake-companion-state';
import { SessionRow, spentPercent } from './SessionRow';

afterEach(cleanup);

function renderRow(session = createSession()) {
  const onRevoke = vi.fn();
  render(
    <ul>
      <SessionRow session={session} status={undefined} offline={false} onRevoke={onRevoke} onDismissError={() => undefined} />
    </ul>,
  );
  return onRevoke;
}

describe('SessionRow', () => {
  it('shows what the session spent against its limit, in the wallet’s coin', () => {
    renderRow();
    expect(screen.getByTestId('session').dataset.sessionId).toBe(SESSION_ID);
    expect(screen.getByTestId('session-spent').textContent).toBe('1.5 SOL of 5 SOL');
  });

  it('says "no limit" without a total limit, in the unit of the session wallet’s chain', () => {
    renderRow(createSession({ chain: 'evm', spent: '250000000000000000', limits: { maxPerTx: null, maxTotal: null } }));
    expect(screen.getByTestId('session-spent').textContent).toBe('0.25 ETH (no limit)');
  });

  it('revokes only after the confirmation', () => {
    const onRevoke = renderRow();
    fireEvent.click(screen.getByTestId('revoke'));
    expect(onRevoke).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('revoke-confirm'));
    expect(onRevoke).toHaveBeenCalledWith(SESSION_ID);
  });
});

describe('spentPercent', () => {
  it('is the share spent, capped at 100, and null without a limit', () => {
    expect(spentPercent('1500000000', '5000000000')).toBe(30);
    expect(spentPercent('9', '5')).toBe(100);
    expect(spentPercent('1', null)).toBeNull();
    expect(spentPercent('1', '0')).toBeNull();
  });
});
