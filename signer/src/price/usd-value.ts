/** USD amounts are compared as integers of 10^-18 USD: exact for any price or threshold the schema accepts. */
const USD_SCALE = 18;

/** "152.35" → 152350000000000000000n (USD × 10^18). Undefined for anything but a plain decimal. */
export function parseUsd(text: string): bigint | undefined {
  const match = /^([0-9]+)(?:\.([0-9]{1,18}))?$/.exec(text);
  if (!match?.[1]) return undefined;
  return BigInt(match[1] + (match[2] ?? '').padEnd(USD_SCALE, '0'));
}

/**
 * The USD value of `amount` smallest units of an asset with `decimals` decimals at `priceUsd`
 * per whole unit, in USD × 10^18, rounded up: a value is never made to look smaller than it is.
 */
export function usdValue(amount: bigint, decimals: number, priceUsd: bigint): bigint {
  const divisor = 10n ** BigInt(decimals);
  const product = amount * priceUsd;
  return (product + divisor - 1n) / divisor;
}

/** USD × 10^18 → "12.345", trailing zeros dropped, at least cents ("12.30", "0.00"). */
export function formatUsd(value: bigint): string {
  const whole = value / 10n ** BigInt(USD_SCALE);
  const fraction = (value % 10n ** BigInt(USD_SCALE)).toString().padStart(USD_SCALE, '0').replace(/0+$/, '').padEnd(2, '0');
  return `${whole}.${fraction}`;
}
