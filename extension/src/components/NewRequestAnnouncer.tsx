import type { admin } from '@waiaas/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A polite live region that says when a new approval request arrives while the popup is open, so
 * a screen reader user hears it without the focus moving. The approvals there at first are not
 * announced: the popup shows them as it opens.
 */
export function NewRequestAnnouncer({ approvals }: { approvals: readonly admin.Approval[] | null }) {
  const known = useRef<Set<string> | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (approvals === null) return;
    const fresh = known.current === null ? [] : approvals.filter((a) => !known.current?.has(a.id));
    known.current = new Set(approvals.map((a) => a.id));
    if (fresh.length === 1 && fresh[0]) setMessage(`New approval request from wallet ${fresh[0].walletName}: ${fresh[0].summary}`);
    else if (fresh.length > 1) setMessage(`${fresh.length} new approval requests.`);
  }, [approvals]);
  return (
    <p class="visually-hidden" aria-live="polite" data-testid="announcer">
      {message}
    </p>
  );
}
