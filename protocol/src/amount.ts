import { WaiaasError } from './errors/waiaas-error.js';

/**
 * Converts an amount typed by a person into the chain's smallest unit. Inside the product every
 * amount is a bigint; decimals exist only here, at the edge.
 *
 * Accepted: a whole number of the smallest unit ("1500000"), or a decimal followed by the unit's
 * symbol ("1.5 SOL", "0.01eth").
 */
export function parseAmount(input: string, unit: { symbol: string; decimals: number }): bigint {
  const text = input.trim();
  const fail = (reason: string): never => {
    throw new WaiaasError('AMOUNT__INVALID', { input, reason });
  };
  const withSymbol = new RegExp(`^([0-9]+(?:\\.[0-9]+)?)\\s*${unit.symbol}$`, 'i').exec(text);
  if (withSymbol?.[1] !== undefined) return toSmallestUnit(withSymbol[1], unit.decimals, fail);
  if (/^[0-9]+$/.test(text)) return BigInt(text);
  if (/^-/.test(text)) return fail('amounts cannot be negative');
  return fail(`write a whole number of the smallest unit, or a decimal followed by "${unit.symbol}"`);
}

function toSmallestUnit(decimal: string, decimals: number, fail: (reason: string) => never): bigint {
  const [whole = '0', fraction = ''] = decimal.split('.');
  if (fraction.length > decimals) fail(`at most ${decimals} decimal places`);
  return BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
}

/** Renders a smallest-unit amount as a decimal with its symbol, for people. */
export function formatAmount(amount: bigint, unit: { symbol: string; decimals: number }): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const base = 10n ** BigInt(unit.decimals);
  const fraction = (abs % base).toString().padStart(unit.decimals, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${abs / base}${fraction ? `.${fraction}` : ''} ${unit.symbol}`;
}

/** Native units of each chain family. */
export const NATIVE_UNITS = {
  solana: { symbol: 'SOL', decimals: 9 },
  evm: { symbol: 'ETH', decimals: 18 },
} as const;
