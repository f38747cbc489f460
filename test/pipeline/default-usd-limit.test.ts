import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalSolana, startLocalSolana } from '../chains/solana/local-solana.js';
import { agentClient } from '../support/agent.js';
import { createTestHome, type RunningSigner, startSigner, type TestHome } from '../support/signer-home.js';

const RECIPIENT = 'GsbwXfJraMomNxBcjYLcG3mxkBUiyWXAB32fGbSMQRdW';
const SOL = 1_000_000_000n;
const LABEL = '(wallet SPENDING_LIMIT for native)';

describe('default USD thresholds of a new wallet, with a fixed SOL price, through the daemon on LiteSVM', () => {
  let chain: LocalSolana;
  let home: TestHome;
  let signer: RunningSigner;
  let agent: ReturnType<typeof agentClient>;
  type Listed = { policies: { walletId: string | null; rule: Record<string, unknown> }[] };
  const defaultRuleOf = async (walletId: string) =>
    (await home.cli('policy', 'list', '--json')).json<Listed>().policies.find((p) => p.walletId === walletId)?.rule;

  beforeAll(async () => {
    chain = await startLocalSolana();
    home = await createTestHome();
    // A price for SOL only: a Solana wallet gets USD thresholds, an EVM one (no ETH price) does not.
    appendFileSync(
      join(home.home, 'config.toml'),
      `\n[networks.local-solana]\nfamily = "solana"\nrpc_url = "${chain.url}"\n\n[prices.fixed]\n"solana:native" = { usd = "150" }\n`,
    );
    signer = await startSigner(home, { WAIAAS_PIPELINE_CONFIRM_INTERVAL: '100' });
    const created = await home.cli('wallet', 'create', '--chain', 'solana', '--network', 'local-solana', '--name', 'agent', '--json');
    expect(created.code, created.stdout + created.stderr).toBe(0);
    await chain.airdrop(created.json<{ wallet: { address: string } }>().wallet.address, 5n * SOL);
    agent = agentClient(home.socketPath, (await home.cli('session', 'create', '--wallet', 'agent', '--json')).json<{ token: string }>().token);
  }, 120_000);

  afterAll(async () => {
    await signer?.stop();
    await chain?.stop();
    home?.remove();
  });

  it('a wallet whose native price is known starts with $10 / $100 / $1000 beside the native thresholds', async () => {
    const { wallets } = (await home.cli('wallet', 'list', '--json')).json<{ wallets: { id: string; name: string }[] }>();
    expect(await defaultRuleOf(wallets.find((w) => w.name === 'agent')?.id ?? '')).toEqual({
      type: 'SPENDING_LIMIT',
      asset: 'native',
      instantMax: '100000000',
      notifyMax: '1000000000',
      delayMax: '10000000000',
      delaySeconds: 900,
      usdInstantMax: '10.00',
      usdNotifyMax: '100.00',
      usdDelayMax: '1000.00',
    });
    const listed = await home.cli('policy', 'list', '--wallet', 'agent');
    expect(listed.stdout).toContain('in USD: INSTANT ≤ $10.00, NOTIFY ≤ $100.00, DELAY ≤ $1000.00');
  });

  it('a wallet of a chain with no price source for its native asset gets none', async () => {
    const evm = await home.cli('wallet', 'create', '--chain', 'evm', '--name', 'no-price', '--json');
    expect(evm.code, evm.stdout + evm.stderr).toBe(0);
    const rule = await defaultRuleOf(evm.json<{ wallet: { id: string } }>().wallet.id);
    expect(rule).toMatchObject({ type: 'SPENDING_LIMIT', asset: 'native', instantMax: '1000000000000000' });
    expect(rule).not.toHaveProperty('usdInstantMax');
  });

  it('the stricter of the native and the USD tier wins, at $150 per SOL', async () => {
    const send = (lamports: bigint) => agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: lamports.toString() });
    // 0.05 SOL = $7.50: INSTANT both ways.
    expect(await send(SOL / 20n)).toMatchObject({ tier: 'INSTANT', status: 'PENDING' });
    // 0.08 SOL = $12: INSTANT by amount (≤ 0.1 SOL), NOTIFY by value (> $10).
    const notify = await send((SOL * 8n) / 100n);
    expect(notify).toMatchObject({ tier: 'NOTIFY', policyReason: `$12.00 at $150 (config) ≤ usdNotifyMax 100.00 ${LABEL}` });
    // 0.9 SOL = $135: NOTIFY by amount (≤ 1 SOL), DELAY by value (> $100).
    const delayed = await send((SOL * 9n) / 10n);
    expect(delayed).toMatchObject({ tier: 'DELAY', status: 'QUEUED', policyReason: `$135.00 at $150 (config) ≤ usdDelayMax 1000.00 ${LABEL}` });
    await agent.call('POST', `/v1/transactions/${delayed.id}/cancel`);
    await agent.waitFor(notify.id, 'CONFIRMED');
  });
});
