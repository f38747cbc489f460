import { describe, expect, it } from 'vitest';
import { quoteJsonNumbers } from './quote-json-numbers.js';

describe('keeping JSON numbers as the provider wrote them', () => {
  it('quotes every number outside strings, digits and exponent untouched', () => {
    const text = '{"solana":{"usd":152.350000000000000001,"last_updated_at":1763683200},"x":[-0.5,1.2e-7,3E+2]}';
    expect(JSON.parse(quoteJsonNumbers(text))).toEqual({
      solana: { usd: '152.350000000000000001', last_updated_at: '1763683200' },
      x: ['-0.5', '1.2e-7', '3E+2'],
    });
  });

  it('leaves strings alone, escaped quotes included, and true/false/null too', () => {
    const text = '{"a \\"12\\" b":"7.5","n":null,"t":true,"f":false}';
    expect(JSON.parse(quoteJsonNumbers(text))).toEqual({ 'a "12" b': '7.5', n: null, t: true, f: false });
  });

  it('does not turn text that is not JSON into JSON', () => {
    for (const bad of ['{"usd":01}', '{"usd":1.}', '{"usd":-}', '<html>', '{"usd":"1']) {
      expect(() => JSON.parse(quoteJsonNumbers(bad)), bad).toThrow(SyntaxError);
    }
  });
});
