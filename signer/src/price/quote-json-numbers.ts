/** A JSON number token, as RFC 8259 spells it; sticky, so it matches exactly where a scan stands. */
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * The JSON text with every number outside a string wrapped in quotes, so that `JSON.parse` hands
 * back each number exactly as the provider wrote it ("152.350000000000000001", "1.2e-7") instead of
 * the nearest double. Node 20 has no `JSON.parse` source access, hence this scan. Text that is not
 * JSON stays not JSON: the `JSON.parse` that follows refuses it.
 */
export function quoteJsonNumbers(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = ch === '-' || (ch >= '0' && ch <= '9') ? NUMBER.exec(text) : null;
    if (number) {
      out += `"${number[0]}"`;
      i += number[0].length;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}

/** The index just past the string literal opening at `start` (escapes skipped), or the text's end. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i += 1) {
    if (text.charAt(i) === '\\') i += 1;
    else if (text.charAt(i) === '"') return i + 1;
  }
  return text.length;
}
