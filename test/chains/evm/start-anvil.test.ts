import { getBalance, getChainId } from 'viem/actions';
import { describe, expect, it } from 'vitest';
import { startAnvil } from './start-anvil.js';

const ADDRESS = '0x000000000000000000000000000000000000bEEF';

describe('startAnvil', () => {
  it('starts separate chains on free loopback ports, funds addresses, and stops for good', async () => {
    const [one, two] = await Promise.all([startAnvil(), startAnvil({ chainId: 1337 })]);
    try {
      expect(one.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(two.url).not.toBe(one.url);
      expect(await getChainId(one.client)).toBe(31_337);
      expect(await getChainId(two.client)).toBe(1337);

      await one.fund(ADDRESS, 5n);
      await one.fund(ADDRESS, 7n);
      expect(await getBalance(one.client, { address: ADDRESS })).toBe(12n);
      expect(await getBalance(two.client, { address: ADDRESS })).toBe(0n);
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
    await expect(fetch(one.url, { method: 'POST' })).rejects.toThrow();
    await one.stop();
  });
});
