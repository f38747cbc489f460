// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SpendingLimitForm, spendingLimitRequest, type SpendingLimitInput } from './SpendingLimitForm';

afterEach(cleanup);

const input: SpendingLimitInput = { wallet: '', asset: 'native', unit: 'SOL', instantMax: '0.1', notifyMax: '0.5', delayMax: '1', delayMinutes: '15' };

describe('spendingLimitRequest', () => {
  it('turns the amounts typed into smallest units of the chosen coin', () => {
    expect(spendingLimitRequest(input)).toEqual({
      rule: { type: 'SPENDING_LIMIT', asset: 'native', instantMax: '100000000', notifyMax: '500000000', delayMax: '1000000000', delaySeconds: 900 },
    });
    expect(spendingLimitRequest({ ...input, wallet: 'treasury', unit: 'ETH', instantMax: '0', notifyMax: '0.5', delayMax: '1' })).toMatchObject({
      wallet: 'treasury',
      rule: { instantMax: '0', notifyMax: '500000000000000000', delayMax: '1000000000000000000' },
    });
  });

  it('keeps a token’s amounts in base units', () => {
    expect(spendingLimitRequest({ ...input, asset: 'TokenMint111', instantMax: '5', notifyMax: '10', delayMax: '20' })).toMatchObject({
      rule: { asset: 'TokenMint111', instantMax: '5', notifyMax: '10', delayMax: '20' },
    });
  });

  it('says what is wrong rather than sending a rule the signer would refuse', () => {
    expect(spendingLimitRequest({ ...input, instantMax: '2' })).toBe('The limits must grow: instant ≤ notify ≤ delay.');
    expect(spendingLimitRequest({ ...input, instantMax: '0.0000000001' })).toBe('Enter each limit as a number with at most 9 decimals.');
    expect(spendingLimitRequest({ ...input, delayMinutes: '0' })).toContain('whole number of minutes');
  });
});

describe('SpendingLimitForm', () => {
  it('submits the rule built from the fields', () => {
    const onSubmit = vi.fn();
    render(<SpendingLimitForm disabled={false} onSubmit={onSubmit} />);
    fireEvent.input(screen.getByTestId('spending-limit-wallet'), { target: { value: 'treasury' } });
    fireEvent.input(screen.getByTestId('spending-limit-instant'), { target: { value: '1' } });
    fireEvent.input(screen.getByTestId('spending-limit-notify'), { target: { value: '2' } });
    fireEvent.input(screen.getByTestId('spending-limit-delay'), { target: { value: '3' } });
    fireEvent.click(screen.getByTestId('spending-limit-submit'));
    expect(onSubmit).toHaveBeenCalledWith({
      wallet: 'treasury',
      rule: { type: 'SPENDING_LIMIT', asset: 'native', instantMax: '1000000000', notifyMax: '2000000000', delayMax: '3000000000', delaySeconds: 900 },
    });
  });
});
