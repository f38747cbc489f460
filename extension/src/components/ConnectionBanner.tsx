import type { ReadonlySignal } from '@preact/signals';
import type { ConnectionView } from '../models/companion-model';
import type { CompanionState } from '../port/messages';
import { formatRemaining } from './format-time';

export interface ConnectionBannerProps {
  view: ConnectionView;
  state: CompanionState | null;
  now: ReadonlySignal<number>;
  /** Where pairing happens; absent on the options page itself. */
  onOpenOptions?: () => void;
}

const LABELS: Record<ConnectionView, string> = {
  loading: 'Loading…',
  unreachable: 'Extension not responding',
  unpaired: 'Not paired',
  connecting: 'Connecting…',
  connected: 'Connected',
  disconnected: 'Disconnected',
  refused: 'Refused by the signer',
};

function RetryIn({ at, now }: { at: string; now: ReadonlySignal<number> }) {
  const left = Date.parse(at) - now.value;
  return <>{left > 0 ? `Retrying in ${formatRemaining(left)}.` : 'Retrying now…'}</>;
}

function Details({ view, state, now }: Omit<ConnectionBannerProps, 'onOpenOptions'>) {
  const signer = state?.pairing?.signerUrl ?? 'the signer';
  const why = state?.lastError ? ` (${state.lastError.message} — ${state.lastError.code})` : '';
  switch (view) {
    case 'loading':
      return <>Asking the extension for its state.</>;
    case 'unreachable':
      return <>The extension's background stopped answering. Close this page and open it again.</>;
    case 'unpaired':
      return <>This browser is not paired with a WAIaaS signer yet, so it cannot show what your agents ask for.</>;
    case 'connecting':
      return <>Connecting to {signer}.</>;
    case 'connected':
      return <>Live with {signer}.</>;
    case 'disconnected':
      return (
        <>
          Lost the link to {signer}
          {why}. {state?.retryAt ? <RetryIn at={state.retryAt} now={now} /> : 'Retrying soon.'} What is shown may be out of date.
        </>
      );
    case 'refused':
      return <>The signer no longer accepts this browser{why}. Pair it again.</>;
    default:
      return view satisfies never;
  }
}

/** The page's link to the signer, always on top; pairing needs the options page. */
export function ConnectionBanner({ view, state, now, onOpenOptions }: ConnectionBannerProps) {
  const needsPairing = view === 'unpaired' || view === 'refused';
  return (
    <section class={`connection connection-${view}`} data-testid="connection" data-state={view} role="status" aria-live="polite">
      <p>
        <strong class="connection-label">{LABELS[view]}</strong> <Details view={view} state={state} now={now} />
      </p>
      {needsPairing && onOpenOptions && (
        <button type="button" class="primary" data-testid="open-options" onClick={onOpenOptions}>
          Open settings to pair
        </button>
      )}
    </section>
  );
}
