import { describe, expect, it } from 'vitest';
import { evmContentDigest } from './content-digest.js';

const content = {
  chainId: 1,
  to: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  value: 10n ** 18n,
  data: '0xa9059cbb',
} as const;

describe('the EVM content digest', () => {
  it('is sha256 over the domain tag and the four fields, one per line', () => {
    // Pinned: approvals stored by one version must still match after an upgrade. Computed apart with
    // printf 'waiaas/evm/content/v1\n1\n0x5fbd…0aa3\n1000000000000000000\n0xa9059cbb' | sha256sum
    expect(evmContentDigest(content)).toBe('6aee0ed28c3c5eb913a365a8b150b6b1365126014cabce3977cb71379f6dd8f6');
  });

  it('does not depend on how the address or calldata is cased', () => {
    const lower = { ...content, to: content.to.toLowerCase() as `0x${string}`, data: '0xA9059CBB' as const };
    expect(evmContentDigest(lower)).toBe(evmContentDigest(content));
  });

  it('changes with the chain, the recipient, the value and the calldata', () => {
    const digest = evmContentDigest(content);
    expect(evmContentDigest({ ...content, chainId: 11_155_111 })).not.toBe(digest);
    expect(evmContentDigest({ ...content, to: '0x0000000000000000000000000000000000000001' })).not.toBe(digest);
    expect(evmContentDigest({ ...content, value: content.value + 1n })).not.toBe(digest);
    expect(evmContentDigest({ ...content, data: '0xa9059cbc' })).not.toBe(digest);
  });
});
