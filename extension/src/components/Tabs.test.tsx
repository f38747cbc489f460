// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { Tabs } from './Tabs';

afterEach(cleanup);

function Harness() {
  const [selected, setSelected] = useState<'a' | 'b' | 'c'>('a');
  const tabs = [{ id: 'a' as const, label: 'Alpha', count: 2 }, { id: 'b' as const, label: 'Beta' }, { id: 'c' as const, label: 'Gamma' }];
  return (
    <Tabs label="Sections" tabs={tabs} selected={selected} onSelect={(id) => setSelected(id)}>
      <p>panel {selected}</p>
    </Tabs>
  );
}

describe('Tabs', () => {
  it('puts only the selected tab in the tab order, with its count', () => {
    render(<Harness />);
    const [alpha, beta] = screen.getAllByRole('tab');
    expect(alpha?.getAttribute('aria-selected')).toBe('true');
    expect(alpha?.tabIndex).toBe(0);
    expect(beta?.tabIndex).toBe(-1);
    expect(screen.getByTestId('a-count').textContent).toBe('2');
  });

  it('selects with a click, and moves with the arrow keys, wrapping around', () => {
    render(<Harness />);
    fireEvent.click(screen.getByText('Beta'));
    expect(screen.getByRole('tabpanel').textContent).toBe('panel b');
    fireEvent.keyDown(screen.getByText('Beta'), { key: 'ArrowRight' });
    expect(screen.getByRole('tabpanel').textContent).toBe('panel c');
    expect(document.activeElement?.textContent).toBe('Gamma');
    fireEvent.keyDown(screen.getByText('Gamma'), { key: 'ArrowRight' });
    expect(screen.getByRole('tabpanel').textContent).toBe('panel a');
    fireEvent.keyDown(screen.getByText('Alpha'), { key: 'End' });
    expect(screen.getByRole('tabpanel').textContent).toBe('panel c');
  });
});
