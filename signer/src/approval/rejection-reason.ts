/** C0/C1 controls and the bidi overrides/isolates that could make the text read otherwise than it is. */
const UNSAFE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;

/**
 * The Owner's reason for a rejection, as it is stored and shown to the agent: trimmed, without
 * control characters (no forged log lines, no terminal escapes, no reordered text), null when
 * nothing is left. It is not signed by the Owner: it is text for people and agents to read.
 */
export function rejectionReason(input: string | undefined): string | null {
  if (input === undefined) return null;
  const clean = input.replace(UNSAFE, ' ').replace(/\s+/gu, ' ').trim();
  return clean === '' ? null : clean;
}
