import { z } from 'zod';
import { quoteJsonNumbers } from './quote-json-numbers.js';

/** One asset's quote in `/simple/price` and `/simple/token_price` answers, numbers kept as their text. */
const Quote = z.object({
  usd: z.string(),
  /** Unix seconds of the provider's last update: the time the price was observed. */
  last_updated_at: z
    .string()
    .regex(/^[0-9]{1,12}$/, 'expected whole unix seconds')
    .transform((seconds) => Number(seconds) * 1000),
});

/** `{ "<coin id or contract address>": { "usd": 152.35, "last_updated_at": 1763683200 } }`; unlisted ids are absent. */
const QuotesResponse = z.record(z.string(), Quote);

export interface Quote {
  /** The price as the provider wrote the number. */
  usdText: string;
  /** ms epoch. */
  at: number;
}

export type ParsedQuotes = { ok: true; quotes: Map<string, Quote> } | { ok: false; problem: string };

/** The provider's answer, parsed with the response schema; a malformed one is a problem, never a throw. */
export function parseQuotes(body: string): ParsedQuotes {
  let raw: unknown;
  try {
    raw = JSON.parse(quoteJsonNumbers(body));
  } catch {
    return { ok: false, problem: 'the answer is not JSON' };
  }
  const parsed = QuotesResponse.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: `unexpected answer: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
  }
  const quotes = new Map<string, Quote>();
  for (const [id, q] of Object.entries(parsed.data)) quotes.set(id, { usdText: q.usd, at: q.last_updated_at });
  return { ok: true, quotes };
}
