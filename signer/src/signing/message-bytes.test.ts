import { agent, isWaiaasError } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { messageBytes } from './message-bytes.js';

const bytes = (input: unknown) => messageBytes(agent.SignMessageRequest.parse(input));
const refusal = (input: unknown) => {
  try {
    bytes(input);
  } catch (error) {
    if (isWaiaasError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  return null;
};

describe('messageBytes', () => {
  it('encodes text as UTF-8 by default', () => {
    expect(Buffer.from(bytes({ message: 'hé' })).toString('hex')).toBe('68c3a9');
  });

  it('decodes 0x hex', () => {
    expect([...bytes({ message: '0xdeadBEEF', encoding: 'hex' })]).toEqual([0xde, 0xad, 0xbe, 0xef]);
  });

  it('refuses malformed or empty hex', () => {
    expect(refusal({ message: 'deadbeef', encoding: 'hex' })).toBe(
      'SIGNING__INVALID_MESSAGE: The message cannot be signed: with encoding "hex" the message must be 0x followed by an even number of hex digits.',
    );
    expect(refusal({ message: '0xabc', encoding: 'hex' })).toContain('even number of hex digits');
    expect(refusal({ message: '0x', encoding: 'hex' })).toBe('SIGNING__INVALID_MESSAGE: The message cannot be signed: it is empty.');
  });

  it('refuses more than 65535 bytes (UTF-8 can make fewer characters longer)', () => {
    expect(refusal({ message: 'é'.repeat(40_000) })).toContain('it is 80000 bytes; at most 65535 are signed');
    expect(refusal({ message: 'a'.repeat(65_535) })).toBeNull();
  });
});
