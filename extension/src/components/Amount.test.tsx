// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Amount } from './Amount';

afterEach(cleanup);

describe('Amount', () => {
  it('shows smallest units in the chain’s coin, and base units when the chain is unknown', () => {
    const { container } = render(
      <p>
        <Amount base="2500000000" chain="solana" />|<Amount base="1000000000000000000" chain="evm" />|<Amount base="42" chain={null} />
      </p>,
    );
    expect(container.textContent).toBe('2.5 SOL|1 ETH|42 base units');
  });
});
