// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Countdown } from './Countdown';

afterEach(cleanup);

describe('Countdown', () => {
  it('counts down with the clock and says Expired once the time has passed', async () => {
    const now = signal(Date.parse('2026-11-21T10:13:55.000Z'));
    render(<Countdown until="2026-11-21T10:15:00.000Z" now={now} />);
    const element = screen.getByTestId('countdown');
    expect(element.textContent).toBe('Expires in 1:05');
    await act(() => void (now.value += 60_000));
    expect(element.textContent).toBe('Expires in 0:05');
    await act(() => void (now.value += 5000));
    expect(element.textContent).toBe('Expired');
    expect(element.dataset.expired).toBe('true');
  });
});
