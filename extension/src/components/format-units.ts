/**
 * Smallest units → a decimal string, for people: formatUnits(1500000000n, 9) === '1.5'. Amounts
 * stay bigint everywhere else; decimals exist only here, at the display edge. Exact (no floats),
 * trailing zeros dropped.
 */
export function formatUnits(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const base = 10n ** BigInt(decimals);
  const fraction = decimals === 0 ? '' : (abs % base).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${abs / base}${fraction ? `.${fraction}` : ''}`;
}

/**
 * A decimal a person typed → smallest units: parseUnits('1.5', 9) === 1500000000n. Null when it is
 * not a plain non-negative decimal or has more fractional digits than the unit has.
 */
export function parseUnits(text: string, decimals: number): bigint | null {
  const match = /^([0-9]+)(?:\.([0-9]+))?$/.exec(text.trim());
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length > decimals) return null;
  return BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
}
