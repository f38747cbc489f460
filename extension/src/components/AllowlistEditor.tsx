import { useState } from 'preact/hooks';
import type { owner } from '@waiaas/protocol';
import { addAllowlistEntry, removeAllowlistEntry, type AllowlistPolicy } from './allowlist-change';
import { ConfirmButton } from './ConfirmButton';

export interface AllowlistEditorProps {
  policy: AllowlistPolicy;
  disabled: boolean;
  onChange(change: owner.PolicyChange): void;
}

/** The entries of one allowlist, each removable, and a line to add one. */
export function AllowlistEditor({ policy, disabled, onChange }: AllowlistEditorProps) {
  const [address, setAddress] = useState('');
  const [label, setLabel] = useState('');
  const { addresses, labels } = policy.rule;
  const add = (event: Event): void => {
    event.preventDefault();
    if (address.trim() === '') return;
    onChange({ set: addAllowlistEntry(policy, address.trim(), label.trim() || undefined) });
    setAddress('');
    setLabel('');
  };
  return (
    <div class="allowlist">
      <ul>
        {addresses.map((entry) => (
          <li key={entry} data-testid="allowlist-entry" data-address={entry}>
            <code class="address">{entry}</code> {labels?.[entry] && <span class="label-known">“{labels[entry]}”</span>}{' '}
            <ConfirmButton
              label="Remove"
              prompt={
                addresses.length === 1
                  ? 'Remove the last address? An empty allowlist lets agents send to no one; remove the whole rule instead to lift the restriction.'
                  : `Remove ${entry} from the allowlist? Agents can then no longer send to it.`
              }
              confirmLabel="Remove address"
              disabled={disabled}
              testId="allowlist-remove"
              onConfirm={() => onChange({ set: removeAllowlistEntry(policy, entry) })}
            />
          </li>
        ))}
      </ul>
      <form class="inline-form" onSubmit={add}>
        <label>
          Address
          <input type="text" value={address} spellcheck={false} data-testid="allowlist-address" onInput={(e) => setAddress(e.currentTarget.value)} />
        </label>
        <label>
          Label (optional)
          <input type="text" maxLength={64} value={label} data-testid="allowlist-label" onInput={(e) => setLabel(e.currentTarget.value)} />
        </label>
        <button type="submit" class="secondary" disabled={disabled || address.trim() === ''} data-testid="allowlist-add">
          Add address…
        </button>
      </form>
    </div>
  );
}
