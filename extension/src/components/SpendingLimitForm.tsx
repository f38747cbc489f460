import { useState } from 'preact/hooks';
import type { SetPolicyRequest } from '@waiaas/protocol';
import { parseUnits } from './format-units';
import { NATIVE_UNITS } from './native-unit';

type Unit = 'SOL' | 'ETH' | 'base';
const DECIMALS: Record<Unit, number> = { SOL: NATIVE_UNITS.solana.decimals, ETH: NATIVE_UNITS.evm.decimals, base: 0 };

export interface SpendingLimitInput {
  wallet: string;
  asset: string;
  unit: Unit;
  instantMax: string;
  notifyMax: string;
  delayMax: string;
  delayMinutes: string;
}

/** The form's text → the rule to set, or the reason it cannot be one. Amounts become smallest units here. */
export function spendingLimitRequest(input: SpendingLimitInput): SetPolicyRequest | string {
  const asset = input.asset.trim() || 'native';
  const decimals = asset === 'native' ? DECIMALS[input.unit] : 0;
  const amounts = [input.instantMax, input.notifyMax, input.delayMax].map((text) => parseUnits(text, decimals));
  const [instant, notify, delay] = amounts;
  if (instant == null || notify == null || delay == null) {
    return decimals === 0 ? 'Enter each limit as a whole number of base units.' : `Enter each limit as a number with at most ${decimals} decimals.`;
  }
  if (!(instant <= notify && notify <= delay)) return 'The limits must grow: instant ≤ notify ≤ delay.';
  const minutes = Number(input.delayMinutes);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 7 * 24 * 60) return 'The delay is a whole number of minutes, from 1 to 10080 (7 days).';
  const wallet = input.wallet.trim();
  return {
    ...(wallet === '' ? {} : { wallet }),
    rule: { type: 'SPENDING_LIMIT', asset, instantMax: String(instant), notifyMax: String(notify), delayMax: String(delay), delaySeconds: minutes * 60 },
  };
}

/** Sets (or replaces) the spending limit of every wallet or of one, for its native coin or a token. */
export function SpendingLimitForm({ disabled, onSubmit }: { disabled: boolean; onSubmit(request: SetPolicyRequest): void }) {
  const [input, setInput] = useState<SpendingLimitInput>({ wallet: '', asset: 'native', unit: 'SOL', instantMax: '', notifyMax: '', delayMax: '', delayMinutes: '15' });
  const [problem, setProblem] = useState<string | null>(null);
  const field = (key: keyof SpendingLimitInput) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setInput((previous) => ({ ...previous, [key]: value }));
  };
  const submit = (event: Event): void => {
    event.preventDefault();
    const result = spendingLimitRequest(input);
    setProblem(typeof result === 'string' ? result : null);
    if (typeof result !== 'string') onSubmit(result);
  };
  const native = input.asset.trim() === '' || input.asset.trim() === 'native';
  return (
    <form class="form" onSubmit={submit} data-testid="spending-limit-form" noValidate>
      <p class="muted">Up to the instant limit agents send alone; up to notify you are told; up to delay it waits; above that it needs your approval. A wallet and asset that already have a limit get this one instead.</p>
      <label>
        Wallet (name or id; empty for every wallet)
        <input type="text" value={input.wallet} data-testid="spending-limit-wallet" onInput={field('wallet')} />
      </label>
      <label>
        Asset ("native" or a token address / mint)
        <input type="text" value={input.asset} spellcheck={false} data-testid="spending-limit-asset" onInput={field('asset')} />
      </label>
      {native && (
        <label>
          Amounts in
          <select value={input.unit} data-testid="spending-limit-unit" onChange={field('unit')}>
            <option value="SOL">SOL</option>
            <option value="ETH">ETH</option>
            <option value="base">base units (lamports, wei)</option>
          </select>
        </label>
      )}
      <label>
        Instant up to
        <input type="text" inputMode="decimal" value={input.instantMax} data-testid="spending-limit-instant" onInput={field('instantMax')} />
      </label>
      <label>
        Notify up to
        <input type="text" inputMode="decimal" value={input.notifyMax} data-testid="spending-limit-notify" onInput={field('notifyMax')} />
      </label>
      <label>
        Delay up to
        <input type="text" inputMode="decimal" value={input.delayMax} data-testid="spending-limit-delay" onInput={field('delayMax')} />
      </label>
      <label>
        Delay (minutes)
        <input type="text" inputMode="numeric" value={input.delayMinutes} data-testid="spending-limit-delay-minutes" onInput={field('delayMinutes')} />
      </label>
      {problem && (
        <p class="warning" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" class="primary" disabled={disabled} data-testid="spending-limit-submit">
        Set spending limit…
      </button>
    </form>
  );
}
