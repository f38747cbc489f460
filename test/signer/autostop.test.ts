import { getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EvmSigner, startEvmSigner } from '../support/evm-signer.js';
import { errorCode } from '../support/http.js';
import type { RpcProxy } from '../support/rpc-proxy.js';
import type { TestHome } from '../support/signer-home.js';

const RECIPIENT = getAddress('0x0000000000000000000000000000000000005705');

describe('AutoStop suspends a misbehaving wallet by itself', () => {
  let h: EvmSigner;
  let proxy: RpcProxy;
  let home: TestHome;
  const walletWithAgent = (name: string) => h.newAgent(name, { wei: 10n ** 19n });

  beforeAll(async () => {
    h = await startEvmSigner({
      WAIAAS_PIPELINE_MAX_ATTEMPTS: '1',
      WAIAAS_PIPELINE_CONFIRM_INTERVAL: '100',
      WAIAAS_AUTOSTOP_CONSECUTIVE_FAILURES: '2',
      WAIAAS_AUTOSTOP_BURST_COUNT: '8',
    });
    ({ proxy, home } = h);
  }, 120_000);

  afterAll(() => h?.stop());

  it('after N failures in a row: waiting transactions cancelled, new ones refused, until resumed', async () => {
    const agent = await walletWithAgent('flaky');
    // A DELAY transaction that is waiting when the wallet stops.
    const queued = await agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: (10n ** 17n).toString() });
    expect(queued.status).toBe('QUEUED');
    proxy.block('*');
    for (let i = 0; i < 2; i++) {
      const tx = await agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: '1' });
      await agent.waitFor(tx.id, 'FAILED');
    }
    proxy.unblock();
    const refused = await agent.call('POST', '/v1/transactions/send', { type: 'TRANSFER', to: RECIPIENT, amount: '1' });
    expect(refused.status).toBe(503);
    expect((refused.body as { error: { code: string; message: string } }).error.message).toMatch(
      /^Wallet flaky was stopped by AutoStop at .+ \(its last 2 transactions failed\); the Owner can resume it with "waiaas wallet resume"\.$/,
    );
    expect(await agent.get(queued.id)).toMatchObject({ status: 'CANCELLED', error: { code: 'WALLET__SUSPENDED' } });
    const listed = await home.cli('wallet', 'list');
    expect(listed.stdout).toContain('SUSPENDED: its last 2 transactions failed');

    expect((await home.cli('wallet', 'resume', 'flaky', '--json')).code).toBe(0);
    const again = await agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: '1' });
    await agent.waitFor(again.id, 'CONFIRMED');
    const twice = await home.cli('wallet', 'resume', 'flaky', '--json');
    expect(twice.json<{ error: { code: string } }>().error.code).toBe('WALLET__NOT_SUSPENDED');
  });

  it('a burst of requests stops the wallet; other wallets go on', async () => {
    const runaway = await walletWithAgent('runaway');
    const calm = await walletWithAgent('calm');
    for (let i = 0; i < 8; i++) await runaway.send({ type: 'TRANSFER', to: RECIPIENT, amount: '1' });
    const ninth = await runaway.call('POST', '/v1/transactions/send', { type: 'TRANSFER', to: RECIPIENT, amount: '1' });
    expect(ninth.status).toBe(503);
    expect(errorCode(ninth)).toBe('WALLET__SUSPENDED');
    const ok = await calm.send({ type: 'TRANSFER', to: RECIPIENT, amount: '1' });
    await calm.waitFor(ok.id, 'CONFIRMED');
  });
});
