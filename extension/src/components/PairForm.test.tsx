// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PairForm, signerUrlProblem } from './PairForm';

afterEach(cleanup);

function renderForm(status?: { pending: boolean; error: { code: string; message: string } | null }) {
  const onPair = vi.fn();
  render(<PairForm defaultDeviceName="Firefox on Linux" status={status} onPair={onPair} onDismissError={() => undefined} />);
  return onPair;
}

describe('PairForm', () => {
  it('pairs with the default signer address, the code typed and the device name', () => {
    const onPair = renderForm();
    expect((screen.getByTestId('pair-signer-url') as HTMLInputElement).value).toBe('http://127.0.0.1:3100');
    fireEvent.input(screen.getByTestId('pair-code'), { target: { value: ' K7PQ-2XM9 ' } });
    fireEvent.click(screen.getByTestId('pair-submit'));
    expect(onPair).toHaveBeenCalledWith({ signerUrl: 'http://127.0.0.1:3100', code: 'K7PQ-2XM9', deviceName: 'Firefox on Linux' });
  });

  it('asks for the code rather than sending an empty one', () => {
    const onPair = renderForm();
    fireEvent.click(screen.getByTestId('pair-submit'));
    expect(onPair).not.toHaveBeenCalled();
    expect(screen.getByTestId('pair-problem').textContent).toBe('Enter the code "waiaas pair" printed.');
  });

  it('refuses a signer address that is not on this machine', () => {
    const onPair = renderForm();
    fireEvent.input(screen.getByTestId('pair-signer-url'), { target: { value: 'https://signer.example.com' } });
    fireEvent.input(screen.getByTestId('pair-code'), { target: { value: 'K7PQ-2XM9' } });
    fireEvent.click(screen.getByTestId('pair-submit'));
    expect(onPair).not.toHaveBeenCalled();
    expect(screen.getByTestId('pair-problem').textContent).toContain('only listens on this machine');
  });

  it('shows the signer’s refusal with its code, and disables the button while pairing', () => {
    renderForm({ pending: false, error: { code: 'PAIRING__CODE_EXPIRED', message: 'The pairing code expired' } });
    expect(screen.getByTestId('pair-error').textContent).toContain('PAIRING__CODE_EXPIRED');
    cleanup();
    renderForm({ pending: true, error: null });
    expect((screen.getByTestId('pair-submit') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('signerUrlProblem', () => {
  it.each(['http://127.0.0.1:3100', 'http://localhost:4000/', 'http://[::1]:3100'])('accepts %s', (url) => {
    expect(signerUrlProblem(url)).toBeNull();
  });

  it.each(['127.0.0.1:3100', 'https://127.0.0.1:3100', 'http://192.168.1.2:3100', 'http://evil.localhost.example'])('refuses %s', (url) => {
    expect(signerUrlProblem(url)).not.toBeNull();
  });
});
