import type { admin } from '@waiaas/protocol';
import { formatNative, type ChainFamily } from './native-unit';

function assetChange(change: { asset: string; delta: string }, chain: ChainFamily | null): string {
  const signed = (text: string) => (text.startsWith('-') ? text : `+${text}`);
  if (change.asset === 'native') return signed(formatNative(change.delta, chain));
  // Tokens carry no decimals here: their base units are shown as they are, never guessed.
  return `${signed(change.delta)} base units of ${change.asset}`;
}

/** The dry run the signer made when the approval opened: what the wallet's balances would do. */
export function SimulationResult({ simulation, chain }: { simulation: admin.Approval['simulation']; chain: ChainFamily | null }) {
  if (simulation === null) return <span class="muted">No dry run was made.</span>;
  if (!simulation.ok || simulation.error !== null) {
    return (
      <span class="warning" data-testid="simulation-warning">
        ⚠ The dry run failed: {simulation.error ?? 'no reason given'}. This transaction may not go through as described.
      </span>
    );
  }
  return (
    <ul class="balance-changes" data-testid="balance-changes">
      {simulation.balanceChanges.map((change) => (
        <li key={change.asset} class={change.delta.startsWith('-') ? 'out' : 'in'}>
          {assetChange(change, chain)}
        </li>
      ))}
      {simulation.balanceChanges.length === 0 && <li class="muted">No balance changes.</li>}
      <li class="muted">Network fee: {formatNative(simulation.fee, chain)}</li>
    </ul>
  );
}
