import { useEffect, useId, useRef, useState } from 'preact/hooks';

export interface ConfirmButtonProps {
  label: string;
  /** What happens, said before it happens: the confirmation step's text. */
  prompt: string;
  confirmLabel: string;
  onConfirm(reason: string | undefined): void;
  /** Asks for an optional reason in the confirmation step. */
  reasonLabel?: string;
  danger?: boolean;
  disabled?: boolean;
  testId: string;
}

/**
 * A button whose action happens only after a second, explicit click on a confirmation that says
 * what it does: for what cannot be undone (revoke, stop everything, reject, unpair). Focus moves
 * into the step when it opens and back to the button when it is cancelled, for keyboard users.
 */
export function ConfirmButton(props: ConfirmButtonProps) {
  const { label, prompt, confirmLabel, onConfirm, reasonLabel, danger = false, disabled = false, testId } = props;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const opener = useRef<HTMLButtonElement>(null);
  const reasonInput = useRef<HTMLInputElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const reasonId = useId();

  useEffect(() => {
    if (open) (reasonInput.current ?? confirmButton.current)?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const kind = danger ? 'danger' : 'secondary';
  if (!open) {
    return (
      <button ref={opener} type="button" class={kind} disabled={disabled} data-testid={testId} onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  const confirm = (event: Event): void => {
    event.preventDefault();
    setOpen(false);
    onConfirm(reason.trim() === '' ? undefined : reason.trim());
    setReason('');
  };
  return (
    <form class={`confirm ${kind}`} onSubmit={confirm} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <p>{prompt}</p>
      {reasonLabel !== undefined && (
        <>
          <label for={reasonId}>{reasonLabel}</label>
          <input
            id={reasonId}
            ref={reasonInput}
            type="text"
            maxLength={500}
            value={reason}
            data-testid={`${testId}-reason`}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        </>
      )}
      <div class="actions">
        <button ref={confirmButton} type="submit" class={kind} disabled={disabled} data-testid={`${testId}-confirm`}>
          {confirmLabel}
        </button>
        <button type="button" class="secondary" data-testid={`${testId}-cancel`} onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
