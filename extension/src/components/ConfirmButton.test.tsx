// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmButton } from './ConfirmButton';

afterEach(cleanup);

function renderButton(withReason: boolean) {
  const onConfirm = vi.fn();
  render(
    <ConfirmButton
      label="Revoke"
      prompt="Revoke this session?"
      confirmLabel="Revoke session"
      testId="revoke"
      onConfirm={onConfirm}
      {...(withReason ? { reasonLabel: 'Reason (optional)' } : {})}
    />,
  );
  return onConfirm;
}

describe('ConfirmButton', () => {
  it('does nothing on the first click but show what will happen', () => {
    const onConfirm = renderButton(false);
    fireEvent.click(screen.getByTestId('revoke'));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByText('Revoke this session?')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByTestId('revoke-confirm'));
  });

  it('acts on the confirmation, then closes the step', () => {
    const onConfirm = renderButton(false);
    fireEvent.click(screen.getByTestId('revoke'));
    fireEvent.click(screen.getByTestId('revoke-confirm'));
    expect(onConfirm).toHaveBeenCalledWith(undefined);
    expect(screen.queryByTestId('revoke-confirm')).toBeNull();
  });

  it('passes the reason typed, trimmed, and focuses its field first', () => {
    const onConfirm = renderButton(true);
    fireEvent.click(screen.getByTestId('revoke'));
    const reason = screen.getByLabelText('Reason (optional)');
    expect(document.activeElement).toBe(reason);
    fireEvent.input(reason, { target: { value: '  wrong recipient ' } });
    fireEvent.click(screen.getByTestId('revoke-confirm'));
    expect(onConfirm).toHaveBeenCalledWith('wrong recipient');
  });

  it('cancels with Cancel or Escape and gives the focus back to the button', () => {
    const onConfirm = renderButton(true);
    fireEvent.click(screen.getByTestId('revoke'));
    fireEvent.click(screen.getByTestId('revoke-cancel'));
    expect(document.activeElement).toBe(screen.getByTestId('revoke'));
    fireEvent.click(screen.getByTestId('revoke'));
    fireEvent.keyDown(screen.getByLabelText('Reason (optional)'), { key: 'Escape' });
    expect(screen.queryByTestId('revoke-confirm')).toBeNull();
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
