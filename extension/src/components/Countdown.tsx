import type { ReadonlySignal } from '@preact/signals';
import { formatRemaining } from './format-time';

/**
 * Time left until `until`, from the shared clock; "Expired" once it has passed. Reading the clock
 * here keeps the once-a-second re-render inside this element.
 */
export function Countdown({ until, now, label = 'Expires in' }: { until: string; now: ReadonlySignal<number>; label?: string }) {
  const left = Date.parse(until) - now.value;
  const expired = !(left > 0);
  return (
    <span class={expired ? 'countdown expired' : 'countdown'} data-testid="countdown" data-expired={String(expired)}>
      {expired ? 'Expired' : `${label} ${formatRemaining(left)}`}
    </span>
  );
}
