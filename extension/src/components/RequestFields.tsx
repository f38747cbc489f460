import type { CosignAction, CosignRequest } from '@waiaas/protocol';

const ACTION_TITLES: Record<CosignAction, string> = {
  approve: 'Approve a transaction',
  reject: 'Reject a transaction',
  'register-owner': 'Register the Owner',
  recover: 'Recover from the kill switch',
  'policy-change': 'Change a policy',
  checkpoint: 'Sign an audit checkpoint',
};

const FORMAT_LABELS: Record<CosignRequest['format'], string> = {
  'solana-message': 'Solana message',
  eip712: 'EIP-712 typed data',
};

/**
 * A co-sign request as the Owner checks it, shared by the co-sign window and the popup so both show
 * the same thing. Values are shown exactly as the signer wrote them, the expiry too: they are the
 * very lines the wallet's prompt shows next, and the Owner compares the two.
 */
export function RequestFields({ request }: { request: CosignRequest }) {
  const f = request.fields;
  const rows: [string, string][] = [
    ['Amount', f.amount],
    ['Recipient', f.recipient],
    ['Network', f.network],
    ['Agent wallet', f.wallet],
    ['Transaction digest', f.digest],
    ['Signer', f.signer],
    ['Expires', f.expiresAt],
  ];
  return (
    <section class="request-fields" aria-label="Request">
      <h2 class="request-title">
        {ACTION_TITLES[f.action]} <span class="request-format">({FORMAT_LABELS[request.format]})</span>
      </h2>
      <p class="request-summary">{f.summary}</p>
      <dl>
        {rows.map(([term, value]) => (
          <div class="request-field" key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
