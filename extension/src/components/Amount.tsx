import { formatNative, type ChainFamily } from './native-unit';

/**
 * A native amount given in smallest units (lamports, wei), shown with its unit. When the chain is
 * unknown it stays in base units rather than be shown with a guessed number of decimals.
 */
export function Amount({ base, chain }: { base: string; chain: ChainFamily | null }) {
  return (
    <span class="amount" title={chain === null ? undefined : `${base} smallest units`}>
      {formatNative(base, chain)}
    </span>
  );
}
