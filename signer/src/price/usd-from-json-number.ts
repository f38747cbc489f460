/** The same 10^-18 USD grid as `parseUsd`: a finer price could not be compared anyway. */
const SCALE = 18;
/** No asset is priced above 10^30 USD; a larger exponent is a broken answer, not a price. */
const MAX_EXPONENT = 30;

/**
 * A JSON number as the provider wrote it ("152.35", "1.2e-7") → a plain decimal USD string that
 * `parseUsd` accepts, computed on digits only (never through a double, so no digit is invented or
 * lost). Digits past 10^-18 round UP: a price is never made to look smaller than it is.
 * Undefined for a negative or zero price, or anything not a JSON number: a price of 0 would value
 * any amount at $0 and let it through a USD threshold, so 0 counts as "no price" (fails closed).
 */
export function usdFromJsonNumber(text: string): string | undefined {
  const match = /^([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/.exec(text);
  if (!match?.[1]) return undefined;
  const fraction = match[2] ?? '';
  const exponent = Number(match[3] ?? '0');
  if (exponent > MAX_EXPONENT) return undefined;
  // value = digits × 10^(shift - SCALE), so the scaled integer is digits moved by `shift` places.
  const digits = match[1] + fraction;
  const shift = SCALE + exponent - fraction.length;
  let scaled: bigint;
  if (shift >= 0) scaled = BigInt(digits + '0'.repeat(shift));
  else {
    const kept = digits.length + shift > 0 ? digits.slice(0, digits.length + shift) : '0';
    const dropped = digits.slice(Math.max(0, digits.length + shift));
    scaled = BigInt(kept) + (/[1-9]/.test(dropped) ? 1n : 0n);
  }
  if (scaled === 0n) return undefined;
  const unit = 10n ** BigInt(SCALE);
  const rest = (scaled % unit).toString().padStart(SCALE, '0').replace(/0+$/, '');
  return rest ? `${scaled / unit}.${rest}` : `${scaled / unit}`;
}
