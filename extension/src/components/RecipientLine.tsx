import type { admin } from '@waiaas/protocol';

/**
 * The recipient, and whether the Owner knows it: the label the Owner gave it on an allowlist, or a
 * loud warning when no rule knows it (a new recipient is where stolen funds usually go).
 */
export function RecipientLine({ approval }: { approval: Pick<admin.Approval, 'recipient' | 'recipientLabel' | 'recipientKnown'> }) {
  return (
    <>
      <code class="address">{approval.recipient}</code>{' '}
      {approval.recipientLabel !== null ? (
        <span class="label-known" data-testid="recipient-label">
          “{approval.recipientLabel}” (your allowlist)
        </span>
      ) : approval.recipientKnown ? (
        <span class="label-known">on your allowlist</span>
      ) : (
        <strong class="danger-text" data-testid="new-recipient">
          ⚠ New recipient
        </strong>
      )}
    </>
  );
}
