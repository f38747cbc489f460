import { getAddress } from 'viem';
import { getBalance } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Anvil } from '../chains/evm/start-anvil.js';
import { type EvmSigner, startEvmSigner } from '../support/evm-signer.js';
import { errorCode } from '../support/http.js';
import type { RpcProxy } from '../support/rpc-proxy.js';
import type { TestHome } from '../support/signer-home.js';

const RECIPIENT = getAddress('0x00000000000000000000000000000000000d0a1e');

describe('rolling limits and rate limits are enforced atomically, on a real anvil chain', () => {
  let h: EvmSigner;
  let anvil: Anvil;
  let proxy: RpcProxy;
  let home: TestHome;

  const cli = async (...args: string[]) => {
    const r = await home.cli(...args);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    return r;
  };
  /** A fresh funded wallet with its own session: each gets its own rolling window. */
  const newWallet = (name: string) => h.newAgent(name);
  const transfer = (amount: string) => ({ type: 'TRANSFER', to: RECIPIENT, amount });

  beforeAll(async () => {
    h = await startEvmSigner({ WAIAAS_PIPELINE_MAX_ATTEMPTS: '2', WAIAAS_PIPELINE_RETRY_BASE: '1s', WAIAAS_PIPELINE_CONFIRM_INTERVAL: '100' });
    ({ anvil, proxy, home } = h);
  }, 120_000);

  afterAll(() => h?.stop());

  it('200 parallel sends against a daily cap: exactly what fits is accepted, every round', async () => {
    for (let round = 0; round < 4; round++) {
      const name = `daily-${round}`;
      const agent = await newWallet(name);
      // 10 000 wei, typed in ETH as an Owner would.
      await cli('policy', 'set', 'rolling-limit', '--wallet', name, '--window', '24h', '--max', '0.00000000000001 ETH');
      const before = await getBalance(anvil.client, { address: RECIPIENT });
      const results = await Promise.all(Array.from({ length: 200 }, () => agent.call('POST', '/v1/transactions/send', transfer('1000'))));
      const accepted = results.filter((r) => r.status === 200);
      expect(accepted).toHaveLength(10);
      expect(results.filter((r) => r.status === 403 && errorCode(r) === 'POLICY__ROLLING_LIMIT_EXCEEDED')).toHaveLength(190);
      await Promise.all(accepted.map((r) => agent.waitFor((r.body as { id: string }).id, 'CONFIRMED')));
      expect(await getBalance(anvil.client, { address: RECIPIENT })).toBe(before + 10_000n);
    }
  }, 300_000);

  it('the refusal says what remains, and the Owner sees the rule in words', async () => {
    const agent = await newWallet('words');
    await cli('policy', 'set', 'rolling-limit', '--wallet', 'words', '--window', '7d', '--max', '5000');
    await agent.waitFor((await agent.send(transfer('3000'))).id, 'CONFIRMED');
    const over = await agent.call('POST', '/v1/transactions/send', transfer('2001'));
    expect(over.status).toBe(403);
    expect(over.body).toEqual({
      error: {
        code: 'POLICY__ROLLING_LIMIT_EXCEEDED',
        message:
          'This wallet may move at most 5000 of native per 7d and has 3000 spent or reserved in that window, so 2000 remains; the request for 2001 would exceed it.',
        context: { asset: 'native', window: '7d', max: '5000', used: '3000', amount: '2001' },
      },
    });
    const sim = await agent.call('POST', '/v1/transactions/simulate', transfer('2001'));
    expect(errorCode(sim)).toBe('POLICY__ROLLING_LIMIT_EXCEEDED');
    const listed = await cli('policy', 'list', '--wallet', 'words');
    expect(listed.stdout).toContain('ROLLING_LIMIT native: at most 0.000000000000005 ETH per 7d per wallet, above: refused');
    // One rule per asset and window: a monthly cap joins the weekly one instead of replacing it.
    await cli('policy', 'set', 'rolling-limit', '--wallet', 'words', '--window', '30d', '--max', '4000');
    const both = await cli('policy', 'list', '--wallet', 'words');
    expect(both.stdout).toContain('per 7d per wallet');
    expect(both.stdout).toContain('ROLLING_LIMIT native: at most 0.000000000000004 ETH per 30d per wallet, above: refused');
    expect((await agent.call('POST', '/v1/transactions/send', transfer('1001'))).body).toMatchObject({
      error: { code: 'POLICY__ROLLING_LIMIT_EXCEEDED', context: { window: '30d', max: '4000', used: '3000' } },
    });
  }, 120_000);

  it('a cancelled or failed transaction gives its budget back; a confirmed one keeps it', async () => {
    const agent = await newWallet('released');
    await cli('policy', 'set', 'rolling-limit', '--wallet', 'released', '--window', '30d', '--max', '5000');
    proxy.block('*');
    const cancelled = await agent.send(transfer('3000'));
    expect(errorCode(await agent.call('POST', '/v1/transactions/send', transfer('3000')))).toBe('POLICY__ROLLING_LIMIT_EXCEEDED');
    await agent.call('POST', `/v1/transactions/${cancelled.id}/cancel`);

    const failing = await agent.send(transfer('4000'));
    await agent.waitFor(failing.id, 'FAILED', 20_000);
    proxy.unblock();

    const landing = await agent.send(transfer('4000'));
    await agent.waitFor(landing.id, 'CONFIRMED');
    expect((await agent.call('POST', '/v1/transactions/send', transfer('1001'))).body).toMatchObject({
      error: { code: 'POLICY__ROLLING_LIMIT_EXCEEDED', context: { used: '4000', amount: '1001' } },
    });
    await agent.waitFor((await agent.send(transfer('1000'))).id, 'CONFIRMED');
  }, 120_000);

  it('a rate limit refuses the request after the Nth in its window, however many arrive at once', async () => {
    const agent = await newWallet('rated');
    const set = await cli('policy', 'set', 'rate-limit', '--wallet', 'rated', '--max-requests', '3', '--window', '1h');
    expect(set.stdout).toContain('RATE_LIMIT: at most 3 requests per 1h per wallet, above: refused');
    for (let i = 0; i < 3; i++) await agent.send(transfer('1'));
    const fourth = await agent.call('POST', '/v1/transactions/send', transfer('1'));
    expect(fourth.status).toBe(429);
    expect(fourth.body).toEqual({
      error: {
        code: 'POLICY__RATE_LIMITED',
        message: 'This wallet may make at most 3 requests per 3600 s and has made them.',
        context: { maxRequests: 3, windowSeconds: 3600 },
      },
    });

    const burst = await newWallet('burst');
    await cli('policy', 'set', 'rate-limit', '--wallet', 'burst', '--max-requests', '5', '--window', '1h');
    const results = await Promise.all(Array.from({ length: 50 }, () => burst.call('POST', '/v1/transactions/send', transfer('1'))));
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    expect(results.filter((r) => r.status === 429 && errorCode(r) === 'POLICY__RATE_LIMITED')).toHaveLength(45);
  }, 120_000);
});
