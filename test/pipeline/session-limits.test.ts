import { getAddress } from 'viem';
import { getBalance } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Anvil } from '../chains/evm/start-anvil.js';
import { agentClient } from '../support/agent.js';
import { type EvmSigner, startEvmSigner } from '../support/evm-signer.js';
import { errorCode } from '../support/http.js';
import type { RpcProxy } from '../support/rpc-proxy.js';
import type { TestHome } from '../support/signer-home.js';

const RECIPIENT = getAddress('0x00000000000000000000000000000000000b0d9e');

describe('session limits are enforced atomically, on a real anvil chain', () => {
  let h: EvmSigner;
  let anvil: Anvil;
  let proxy: RpcProxy;
  let home: TestHome;

  type Budget = { limits: { maxPerTx: string | null; maxTotal: string | null; used: string; remaining: string | null }[] };
  const budgetOf = async (agent: ReturnType<typeof agentClient>) => ((await agent.call('GET', '/v1/wallet/budget')).body as Budget).limits[0];
  const newAgent = async (...limits: string[]) => {
    const created = await home.cli('session', 'create', '--wallet', 'agent', ...limits, '--json');
    return agentClient(home.socketPath, created.json<{ token: string }>().token);
  };

  beforeAll(async () => {
    h = await startEvmSigner({ WAIAAS_PIPELINE_MAX_ATTEMPTS: '2', WAIAAS_PIPELINE_RETRY_BASE: '1s', WAIAAS_PIPELINE_CONFIRM_INTERVAL: '100' });
    ({ anvil, proxy, home } = h);
    await h.newWallet('agent');
  }, 120_000);

  afterAll(() => h?.stop());

  it('refuses a transaction above --max-per-tx, in send and in simulate, storing nothing', async () => {
    const agent = await newAgent('--max-per-tx', '1000');
    for (const path of ['/v1/transactions/send', '/v1/transactions/simulate']) {
      const res = await agent.call('POST', path, { type: 'TRANSFER', to: RECIPIENT, amount: '1001' });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({
        error: {
          code: 'POLICY__SESSION_PER_TX_LIMIT',
          message: 'This session may spend at most 1000 of native per transaction; the request spends 1001.',
        },
      });
    }
    expect(((await agent.call('GET', '/v1/transactions')).body as { transactions: unknown[] }).transactions).toHaveLength(0);
    expect(await budgetOf(agent)).toMatchObject({ maxPerTx: '1000', used: '0', remaining: null });
  });

  it('200 parallel sends against --max-total: exactly what fits is accepted, every round', async () => {
    for (let round = 0; round < 3; round++) {
      const agent = await newAgent('--max-total', '10000');
      const before = await getBalance(anvil.client, { address: RECIPIENT });
      const results = await Promise.all(
        Array.from({ length: 200 }, () => agent.call('POST', '/v1/transactions/send', { type: 'TRANSFER', to: RECIPIENT, amount: '1000' })),
      );
      const accepted = results.filter((r) => r.status === 200);
      expect(accepted).toHaveLength(10);
      expect(results.filter((r) => errorCode(r) === 'POLICY__SESSION_TOTAL_LIMIT')).toHaveLength(190);
      await Promise.all(accepted.map((r) => agent.waitFor((r.body as { id: string }).id, 'CONFIRMED')));
      expect(await getBalance(anvil.client, { address: RECIPIENT })).toBe(before + 10_000n);
      expect(await budgetOf(agent)).toMatchObject({ maxTotal: '10000', used: '10000', remaining: '0' });
    }
  });

  it('a cancelled or failed transaction gives its reservation back; a confirmed one keeps it', async () => {
    const agent = await newAgent('--max-total', '5000');
    proxy.block('*');
    const cancelled = await agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: '3000' });
    expect(await budgetOf(agent)).toMatchObject({ used: '3000', remaining: '2000' });
    const over = await agent.call('POST', '/v1/transactions/send', { type: 'TRANSFER', to: RECIPIENT, amount: '3000' });
    expect(errorCode(over)).toBe('POLICY__SESSION_TOTAL_LIMIT');
    await agent.call('POST', `/v1/transactions/${cancelled.id}/cancel`);
    expect(await budgetOf(agent)).toMatchObject({ used: '0', remaining: '5000' });

    const failing = await agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: '4000' });
    await agent.waitFor(failing.id, 'FAILED', 20_000);
    expect(await budgetOf(agent)).toMatchObject({ used: '0' });
    proxy.unblock();

    const landing = await agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: '4000' });
    await agent.waitFor(landing.id, 'CONFIRMED');
    expect(await budgetOf(agent)).toMatchObject({ used: '4000', remaining: '1000' });
  });
});
