import { describe, expect, it } from 'vitest';
import { createMemoryNonceManager } from './nonce-manager.js';

const ALICE = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const BOB = '0x0000000000000000000000000000000000000001';

describe('the in-memory nonce manager', () => {
  it('hands out consecutive nonces from the chain pending nonce, never one twice', () => {
    const nonces = createMemoryNonceManager();
    expect([0, 0, 0].map((pending) => nonces.reserve(ALICE, pending))).toEqual([0, 1, 2]);
  });

  it('jumps forward when the chain is ahead (a transaction sent from elsewhere)', () => {
    const nonces = createMemoryNonceManager();
    expect(nonces.reserve(ALICE, 0)).toBe(0);
    expect(nonces.reserve(ALICE, 7)).toBe(7);
    expect(nonces.reserve(ALICE, 3)).toBe(8);
  });

  it('keeps one sequence per address, whatever its case', () => {
    const nonces = createMemoryNonceManager();
    expect(nonces.reserve(ALICE, 4)).toBe(4);
    expect(nonces.reserve(ALICE.toLowerCase(), 4)).toBe(5);
    expect(nonces.reserve(BOB, 0)).toBe(0);
  });

  it('gives 20 concurrent reservations 20 distinct consecutive nonces', async () => {
    const nonces = createMemoryNonceManager();
    const reserved = await Promise.all(
      Array.from({ length: 20 }, async () => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        return nonces.reserve(ALICE, 2);
      }),
    );
    expect([...reserved].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
  });

  it('refuses a pending nonce that is not a non-negative integer', () => {
    const nonces = createMemoryNonceManager();
    expect(() => nonces.reserve(ALICE, -1)).toThrow('A pending nonce must be a non-negative integer, not -1.');
    expect(() => nonces.reserve(ALICE, 1.5)).toThrow(RangeError);
  });
});
