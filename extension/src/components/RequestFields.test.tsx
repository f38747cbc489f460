// @vitest-environment happy-dom
import type { CosignRequest } from '@waiaas/protocol';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { RequestFields } from './RequestFields';

const request: CosignRequest = {
  format: 'eip712',
  fields: {
    action: 'approve',
    summary: 'Send 0.5 ETH to 0x0b0b… from agent wallet bot',
    amount: '0.5 ETH',
    recipient: '0x00000000000000000000000000000000000b0b0b',
    network: 'local-evm',
    wallet: 'bot (0xabc…)',
    digest: 'sha256:1f2e',
    signer: 'ed25519:9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin',
    nonce: '0123456789abcdef',
    issuedAt: '2026-01-01T00:00:00Z',
    expiresAt: '2026-01-01T00:05:00Z',
  },
};

describe('RequestFields', () => {
  afterEach(cleanup);

  it('shows the action, the format and the summary', () => {
    render(<RequestFields request={request} />);
    expect(screen.getByRole('heading').textContent).toBe('Approve a transaction (EIP-712 typed data)');
    expect(screen.getByText('Send 0.5 ETH to 0x0b0b… from agent wallet bot')).toBeTruthy();
  });

  it('lists every field the wallet will show, in order, exactly as the signer wrote it', () => {
    const { container } = render(<RequestFields request={{ ...request, format: 'solana-message', fields: { ...request.fields, action: 'register-owner' } }} />);
    const pairs = [...container.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
    expect(pairs).toEqual([
      ['Amount', '0.5 ETH'],
      ['Recipient', '0x00000000000000000000000000000000000b0b0b'],
      ['Network', 'local-evm'],
      ['Agent wallet', 'bot (0xabc…)'],
      ['Transaction digest', 'sha256:1f2e'],
      ['Signer', 'ed25519:9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin'],
      ['Expires', '2026-01-01T00:05:00Z'],
    ]);
    expect(screen.getByRole('heading').textContent).toBe('Register the Owner (Solana message)');
  });

  it('renders text as text, never as markup', () => {
    const { container } = render(<RequestFields request={{ ...request, fields: { ...request.fields, summary: '<img src=x onerror=alert(1)>' } }} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
  });
});
