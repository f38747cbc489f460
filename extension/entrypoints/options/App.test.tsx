// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import type { admin } from '@waiaas/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { createClockModel } from '../../src/models/clock-model';
import { createCompanionModel } from '../../src/models/companion-model';
import { createCompanionState } from '../../src/models/fake-companion-state';
import { createFakePagePort } from '../../src/models/fake-page-port';
import { createOptionsModel } from '../../src/models/options-model';
import { App } from './App';

afterEach(cleanup);

const NONE: admin.OwnerStatus = { state: 'NONE', chain: null, address: null, setAt: null, lockedAt: null };

function renderOptions() {
  const fake = createFakePagePort();
  const companion = createCompanionModel(fake.port);
  const options = createOptionsModel(fake.port, companion.state);
  render(<App companion={companion} options={options} clock={createClockModel()} defaultDeviceName="Chrome on Linux" />);
  return fake;
}

describe('the options page', () => {
  it('pairs an unpaired browser with the form', async () => {
    const fake = renderOptions();
    await act(() => fake.answer('getState', { state: createCompanionState({ connection: 'unpaired', pairing: null }) }));
    expect(screen.getByTestId('pairing-status').dataset.state).toBe('unpaired');
    fireEvent.input(screen.getByTestId('pair-code'), { target: { value: 'K7PQ-2XM9' } });
    fireEvent.click(screen.getByTestId('pair-submit'));
    expect(fake.sent()).toContainEqual({ type: 'pair', signerUrl: 'http://127.0.0.1:3100', code: 'K7PQ-2XM9', deviceName: 'Chrome on Linux' });
  });

  it('shows the pairing, the Owner and the policies of a connected browser', async () => {
    const fake = renderOptions();
    await act(() => fake.answer('getState', { state: createCompanionState() }));
    expect(screen.getByTestId('pairing-status').dataset.state).toBe('paired');
    expect(screen.getByTestId('pairing-signer-identity').textContent).toBe('ed25519:8qbHbw2BbbTHBW1sbeqakYXVKRQM8Ne7pLK7m6CVfeR');
    await act(() => fake.answer('getOwner', { owner: NONE }));
    await act(() => fake.answer('listPolicies', { policies: [] }));
    expect(screen.getByTestId('owner-status').dataset.state).toBe('NONE');
    expect(screen.getByTestId('policies-empty')).toBeTruthy();
    fireEvent.click(screen.getByTestId('register-owner-solana'));
    expect(fake.sent()).toContainEqual({ type: 'registerOwner', chain: 'solana' });
  });

  it('adds an allowed recipient through a signed policy change', async () => {
    const fake = renderOptions();
    await act(() => fake.answer('getState', { state: createCompanionState() }));
    await act(() => fake.answer('listPolicies', { policies: [] }));
    fireEvent.input(screen.getByTestId('allowlist-new-address'), { target: { value: 'Carol' } });
    fireEvent.click(screen.getByTestId('allowlist-new-submit'));
    expect(fake.sent()).toContainEqual({ type: 'changePolicy', change: { set: { rule: { type: 'RECIPIENT_ALLOWLIST', addresses: ['Carol'] } } } });
    expect(screen.getByTestId('policy-change-waiting')).toBeTruthy();
  });

  it('unpairs after the confirmation', async () => {
    const fake = renderOptions();
    await act(() => fake.answer('getState', { state: createCompanionState() }));
    fireEvent.click(screen.getByTestId('unpair'));
    fireEvent.click(screen.getByTestId('unpair-confirm'));
    expect(fake.sent()).toContainEqual({ type: 'unpair' });
  });
});
