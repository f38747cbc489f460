import { agent, isWaiaasError } from '@waiaas/protocol';
import { hashTypedData } from 'viem';
import { describe, expect, it } from 'vitest';
import { typedDataDigest } from './evm-typed-data.js';

const MAIL = {
  domain: { name: 'Ether Mail', version: '1', chainId: 1, verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC' },
  types: {
    Person: [{ name: 'name', type: 'string' }, { name: 'wallet', type: 'address' }],
    Mail: [{ name: 'from', type: 'Person' }, { name: 'to', type: 'Person' }, { name: 'contents', type: 'string' }],
  },
  primaryType: 'Mail',
  message: {
    from: { name: 'Cow', wallet: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' },
    to: { name: 'Bob', wallet: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB' },
    contents: 'Hello, Bob!',
  },
};

const parsed = (input: unknown) => agent.TypedData.parse(input);
const reason = (input: unknown) => {
  try {
    typedDataDigest(parsed(input));
  } catch (error) {
    if (isWaiaasError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  return null;
};

describe('typedDataDigest', () => {
  it('is the EIP-712 hash of the spec example (0xbe609aee…)', () => {
    const digest = typedDataDigest(parsed(MAIL));
    expect(digest).toBe('0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2');
    expect(digest).toBe(hashTypedData({ ...MAIL, domain: { ...MAIL.domain, verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC' } } as Parameters<typeof hashTypedData>[0]));
  });

  it('refuses a missing field by its path', () => {
    const { to: _to, ...message } = MAIL.message;
    expect(reason({ ...MAIL, message })).toBe('SIGNING__INVALID_TYPED_DATA: The typed data is not valid EIP-712: message.to is missing.');
  });

  it('refuses a value of the wrong shape', () => {
    expect(reason({ ...MAIL, message: { ...MAIL.message, from: 'Cow' } })).toContain('message.from must be an object (Person)');
    expect(reason({ ...MAIL, types: { ...MAIL.types, Mail: [{ name: 'tags', type: 'string[2]' }] }, message: { tags: ['a'] } })).toContain('message.tags must hold 2 items (string[2])');
  });

  it("passes viem's own refusals on: unknown types, bad addresses, integers out of range", () => {
    expect(reason({ ...MAIL, types: { Mail: [{ name: 'x', type: 'Foo' }] }, message: { x: 1 } })).toContain('Type "Foo" is not a valid EIP-712 type');
    expect(reason({ ...MAIL, message: { ...MAIL.message, to: { name: 'Bob', wallet: '0x1234' } } })).toContain('Address "0x1234" is invalid');
    expect(reason({ ...MAIL, types: { Mail: [{ name: 'n', type: 'uint8' }] }, message: { n: 300 } })).toContain('Number "300" is not in safe 8-bit unsigned integer range');
  });

  it('the protocol schema refuses a primaryType that is not among the types, before any hashing', () => {
    expect(agent.TypedData.safeParse({ ...MAIL, primaryType: 'Order' }).success).toBe(false);
    expect(agent.TypedData.safeParse({ ...MAIL, primaryType: 'EIP712Domain', types: { ...MAIL.types, EIP712Domain: [{ name: 'name', type: 'string' }] } }).success).toBe(false);
  });

  it('refuses data nested deeper than 32 levels instead of recursing without end', () => {
    let message: Record<string, unknown> = { v: 1 };
    for (let i = 0; i < 40; i += 1) message = { next: message, v: 1 };
    const types = { Node: [{ name: 'next', type: 'Node' }, { name: 'v', type: 'uint8' }] };
    expect(reason({ domain: { name: 'x' }, types, primaryType: 'Node', message })).toContain('nested deeper than 32 levels');
  });
});
