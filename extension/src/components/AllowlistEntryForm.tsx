import { useState } from 'preact/hooks';

export interface AllowlistEntryInput {
  wallet: string;
  address: string;
  label?: string;
}

/** Adds a recipient for every wallet or one wallet: to its allowlist, or as a new allowlist. */
export function AllowlistEntryForm({ disabled, onSubmit }: { disabled: boolean; onSubmit(entry: AllowlistEntryInput): void }) {
  const [wallet, setWallet] = useState('');
  const [address, setAddress] = useState('');
  const [label, setLabel] = useState('');
  const submit = (event: Event): void => {
    event.preventDefault();
    if (address.trim() === '') return;
    onSubmit({ wallet: wallet.trim(), address: address.trim(), ...(label.trim() ? { label: label.trim() } : {}) });
    setAddress('');
    setLabel('');
  };
  return (
    <form class="form" onSubmit={submit} data-testid="allowlist-entry-form">
      <p class="muted">
        Once a wallet has an allowlist, its agents can send only to the addresses on it. Labels are yours: they show on approval requests.
      </p>
      <label>
        Wallet (name or id; empty for every wallet)
        <input type="text" value={wallet} data-testid="allowlist-new-wallet" onInput={(e) => setWallet(e.currentTarget.value)} />
      </label>
      <label>
        Address
        <input type="text" value={address} spellcheck={false} data-testid="allowlist-new-address" onInput={(e) => setAddress(e.currentTarget.value)} />
      </label>
      <label>
        Label (optional)
        <input type="text" maxLength={64} value={label} data-testid="allowlist-new-label" onInput={(e) => setLabel(e.currentTarget.value)} />
      </label>
      <button type="submit" class="primary" disabled={disabled || address.trim() === ''} data-testid="allowlist-new-submit">
        Add to allowlist…
      </button>
    </form>
  );
}
