const UNITS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/**
 * Parses "90s", "15m", "1h", "7d" (or a bare number of seconds) into whole seconds.
 * Returns undefined for anything else so the caller can raise its own coded error.
 */
export function parseDuration(input: string): number | undefined {
  const match = /^\s*([0-9]+)\s*([smhd]?)\s*$/.exec(input);
  if (!match?.[1]) return undefined;
  const unit = (match[2] || 's') as keyof typeof UNITS;
  const seconds = Number(match[1]) * UNITS[unit];
  return Number.isSafeInteger(seconds) ? seconds : undefined;
}

export function formatDuration(seconds: number): string {
  for (const [unit, size] of [['d', 86_400], ['h', 3600], ['m', 60]] as const) {
    if (seconds >= size && seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
