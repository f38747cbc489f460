// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import type { Policy } from '@waiaas/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WALLET_ID } from '../models/fake-companion-state';
import { PolicyList } from './PolicyList';

afterEach(cleanup);

const base = { createdAt: '2026-11-20T08:00:00.000Z', updatedAt: '2026-11-20T08:00:00.000Z', sessionId: null };
const ALLOWLIST: Policy = {
  ...base,
  id: '01980000-0000-7000-8000-00000000f001',
  scope: 'wallet',
  walletId: WALLET_ID,
  rule: { type: 'RECIPIENT_ALLOWLIST', addresses: ['Alice', 'Bob'], labels: { Bob: 'Bob the builder' } },
};
const LIMIT: Policy = {
  ...base,
  id: '01980000-0000-7000-8000-00000000f002',
  scope: 'wallet',
  walletId: WALLET_ID,
  rule: { type: 'SPENDING_LIMIT', asset: 'native', instantMax: '100000000', notifyMax: '500000000', delayMax: '1000000000', delaySeconds: 900 },
};

function renderList() {
  const onChange = vi.fn();
  render(
    <PolicyList policies={[LIMIT, ALLOWLIST]} walletNames={new Map([[WALLET_ID, 'treasury']])} walletChains={new Map([[WALLET_ID, 'solana' as const]])} busy={false} onChange={onChange} />,
  );
  const [limit, allowlist] = screen.getAllByTestId('policy');
  if (!limit || !allowlist) throw new Error('two policies expected');
  return { onChange, limit, allowlist };
}

describe('PolicyList', () => {
  it('reads each rule in words, for its wallet by name', () => {
    const { limit } = renderList();
    expect(limit.textContent).toContain('Wallet treasury');
    expect(limit.textContent).toContain('instant up to 0.1 SOL, notify up to 0.5 SOL, delay 15 min up to 1 SOL');
  });

  it('removes a rule after the confirmation', () => {
    const { onChange, limit } = renderList();
    fireEvent.click(within(limit).getByTestId('policy-remove'));
    fireEvent.click(within(limit).getByTestId('policy-remove-confirm'));
    expect(onChange).toHaveBeenCalledWith({ remove: LIMIT.id });
  });

  it('adds an allowlist entry by setting the whole list again', () => {
    const { onChange, allowlist } = renderList();
    fireEvent.input(within(allowlist).getByTestId('allowlist-address'), { target: { value: 'Carol' } });
    fireEvent.input(within(allowlist).getByTestId('allowlist-label'), { target: { value: 'Carol’s shop' } });
    fireEvent.click(within(allowlist).getByTestId('allowlist-add'));
    expect(onChange).toHaveBeenCalledWith({
      set: { wallet: WALLET_ID, rule: { type: 'RECIPIENT_ALLOWLIST', addresses: ['Alice', 'Bob', 'Carol'], labels: { Bob: 'Bob the builder', Carol: 'Carol’s shop' } } },
    });
  });

  it('removes one allowlist entry after the confirmation', () => {
    const { onChange, allowlist } = renderList();
    const bob = within(allowlist).getAllByTestId('allowlist-entry').find((li) => li.dataset.address === 'Bob');
    if (!bob) throw new Error('Bob is listed');
    expect(bob.textContent).toContain('Bob the builder');
    fireEvent.click(within(bob).getByTestId('allowlist-remove'));
    fireEvent.click(within(bob).getByTestId('allowlist-remove-confirm'));
    expect(onChange).toHaveBeenCalledWith({ set: { wallet: WALLET_ID, rule: { type: 'RECIPIENT_ALLOWLIST', addresses: ['Alice'] } } });
  });
});
