// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PrefsForm } from './PrefsForm';

afterEach(cleanup);

describe('PrefsForm', () => {
  it('saves each preference as it is ticked, keeping the other', () => {
    const onChange = vi.fn();
    render(<PrefsForm prefs={{ approvals: true, notices: true }} status={undefined} onChange={onChange} onDismissError={() => undefined} />);
    fireEvent.click(screen.getByTestId('prefs-notices'));
    expect(onChange).toHaveBeenCalledWith({ approvals: true, notices: false });
  });
});
