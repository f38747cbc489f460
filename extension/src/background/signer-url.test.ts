import { describe, expect, it } from 'vitest';
import { parseSignerUrl } from './signer-url.js';

describe('parseSignerUrl', () => {
  it('accepts the loopback address `waiaas pair` prints, with or without a trailing slash', () => {
    expect(parseSignerUrl('http://127.0.0.1:3100')).toEqual({ origin: 'http://127.0.0.1:3100', wsUrl: 'ws://127.0.0.1:3100/v1/owner/ws' });
    expect(parseSignerUrl(' http://localhost:4000/ ')).toEqual({ origin: 'http://localhost:4000', wsUrl: 'ws://localhost:4000/v1/owner/ws' });
  });

  it.each([
    ['a host on the network', 'http://192.168.1.5:3100'],
    ['a public name', 'http://signer.example:3100'],
    ['https', 'https://127.0.0.1:3100'],
    ['no port', 'http://127.0.0.1'],
    ['a path', 'http://127.0.0.1:3100/v1'],
    ['credentials', 'http://user:pw@127.0.0.1:3100'],
    ['a query', 'http://127.0.0.1:3100/?x=1'],
    ['not a URL', '127.0.0.1:3100'],
    ['a loopback look-alike', 'http://127.0.0.1.evil.example:3100'],
  ])('refuses %s with a message that says what to type', (_, url) => {
    expect(() => parseSignerUrl(url)).toThrow(
      `"${url}" is not a local signer address: use http://127.0.0.1:<port> or http://localhost:<port>.`,
    );
  });
});
